package io.infolettre.newsletter.rendering;

/** What is rendered: a template name and the coordinator's subject, preheader and Markdown body. */
public record MessageDraft(String template, String title, String subject, String preheader, String body,
		String language) {
}
