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
}
