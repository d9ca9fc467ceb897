package io.infolettre.newsletter.api;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;

/**
 * A draft issue as the API receives it; without a list the audience is every active subscriber.
 * The French variant is {@code variants.fr}, or the flat {@code subject}, {@code preheader} and
 * {@code body} (the first version of the API); {@code variants.en} is the optional English one.
 *
 * Its audience is a list or a saved segment (by id), and without either, every active subscriber.
 *
 * @param sender the From address, one of {@code newsletter.senders}; the default when absent
 * @param archived whether it appears in the public archive once sent (default true)
 */
record NewIssueRequest(@NotBlank String title, String subject, String preheader, String body, String template,
		String language, String list, String segment, Map<String, VariantRequest> variants, String sender, String replyTo,
		Boolean archived) {
}
