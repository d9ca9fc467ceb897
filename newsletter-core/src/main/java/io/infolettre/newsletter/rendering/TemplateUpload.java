package io.infolettre.newsletter.rendering;

/**
 * One language of a layout as the coordinator uploads it.
 *
 * @param name lower-case letters, digits and dashes, e.g. {@code annonce}
 * @param language {@code fr} (the base file) or {@code en}
 * @param html the HTML part, FreeMarker in HTML output format
 * @param text the plain-text part
 */
public record TemplateUpload(String name, String language, String html, String text) {

	/**
	 * The largest part (HTML or text) a layout may have, in bytes of UTF-8: a layout is markup and
	 * placeholders (images are linked, not embedded), and mail clients clip a message's HTML beyond
	 * about 100 kB. Checked by whoever receives an upload, before reading it where possible.
	 */
	public static final int MAX_PART_BYTES = 1024 * 1024;

}
