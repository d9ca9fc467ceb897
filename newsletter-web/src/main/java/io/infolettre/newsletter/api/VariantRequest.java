package io.infolettre.newsletter.api;

import io.infolettre.newsletter.issue.IssueVariant;

/** One language's subject, preheader and Markdown body, as the API receives and shows it. */
record VariantRequest(String subject, String preheader, String body) {

	IssueVariant toVariant() {
		return new IssueVariant(this.subject, this.preheader, this.body);
	}

	static VariantRequest of(IssueVariant variant) {
		return variant == null ? null : new VariantRequest(variant.subject(), variant.preheader(), variant.body());
	}

}
