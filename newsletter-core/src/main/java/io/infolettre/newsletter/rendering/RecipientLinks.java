package io.infolettre.newsletter.rendering;

/**
 * The ready-made links of one recipient's message, and what its footer must disclose about tracking.
 *
 * @param preferencesUrl the preference center (lists, language, tracking, unsubscribe)
 * @param trackingPixelUrl the open pixel; {@code null} when opens of this recipient are not tracked
 * @param trackedLinks whether the message's links record clicks
 * @param anonymousTracking whether opens and clicks are only counted, never tied to the person
 * @param viewInBrowserUrl the message on the web, as this recipient received it; {@code null} in
 * previews and on the web page itself
 */
public record RecipientLinks(String unsubscribeUrl, String preferencesUrl, String trackingPixelUrl,
		boolean trackedLinks, boolean anonymousTracking, String viewInBrowserUrl) {

	public RecipientLinks(String unsubscribeUrl, String preferencesUrl, String trackingPixelUrl, boolean trackedLinks,
			boolean anonymousTracking) {
		this(unsubscribeUrl, preferencesUrl, trackingPixelUrl, trackedLinks, anonymousTracking, null);
	}

	/** Links of a message without any tracking. */
	public static RecipientLinks untracked(String unsubscribeUrl, String preferencesUrl) {
		return new RecipientLinks(unsubscribeUrl, preferencesUrl, null, false, false, null);
	}

	public boolean tracked() {
		return this.trackingPixelUrl != null || this.trackedLinks;
	}

}
