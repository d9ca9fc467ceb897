package io.infolettre.newsletter.api;

import jakarta.validation.constraints.NotBlank;

/** A draft issue as the API receives it; without a list the audience is every active subscriber. */
record NewIssueRequest(@NotBlank String title, @NotBlank String subject, String preheader, @NotBlank String body,
		String template, String language, String list) {
}
