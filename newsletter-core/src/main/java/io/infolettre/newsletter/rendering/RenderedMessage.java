package io.infolettre.newsletter.rendering;

/** One recipient's message: a single-line subject, the HTML part and the plain-text part. */
public record RenderedMessage(String subject, String html, String text) {

	/**
	 * The Content-Security-Policy under which a message's HTML is shown on the web (view in browser,
	 * archive, the admin's previews): the member's HTML, not the platform's page, so its own inline
	 * styles, images and fonts, and nothing else: no script, no plugin, no form, no base URL; framed
	 * only by the platform's own pages.
	 */
	public static final String WEB_POLICY = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; "
			+ "font-src https: data:; script-src 'none'; object-src 'none'; form-action 'none'; "
			+ "frame-ancestors 'self'; base-uri 'none'";

}
