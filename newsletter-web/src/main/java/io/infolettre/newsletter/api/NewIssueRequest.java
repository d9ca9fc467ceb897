package io.infolettre.newsletter.api;

import jakarta.validation.constraints.NotBlank;

/**
 * A draft issue as the API receives it; its audience is a list or a saved segment (by id), and
 * without either, every active subscriber.
 */
record NewIssueRequest(@NotBlank String title, @NotBlank String subject, String preheader, @NotBlank String body,
		String template, String language, String list, String segment) {
}
