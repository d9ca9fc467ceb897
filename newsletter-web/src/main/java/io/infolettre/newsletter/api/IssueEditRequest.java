package io.infolettre.newsletter.api;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;

/**
 * A whole edit of a draft (PUT): title, template, {@code variants} ({@code fr} required, {@code en}
 * optional: absent or empty removes it), sender (one of {@code newsletter.senders}, by address),
 * reply-to and whether it goes to the public archive.
 */
record IssueEditRequest(@NotBlank String title, String template, Map<String, VariantRequest> variants, String sender,
		String replyTo, Boolean archived) {
}
