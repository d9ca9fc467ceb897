package io.infolettre.newsletter.api;

/** An issue rendered for one member (or the sample member) in one language. */
record PreviewResource(String language, String subject, String html, String text) {
}
