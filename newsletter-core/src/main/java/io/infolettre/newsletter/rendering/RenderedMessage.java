package io.infolettre.newsletter.rendering;

/** One recipient's message: a single-line subject, the HTML part and the plain-text part. */
public record RenderedMessage(String subject, String html, String text) {
}
