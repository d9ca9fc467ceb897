package io.infolettre.newsletter.api;

import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.issue.IssueVersion;

/** One saved edit: who, when, which fields, and the content before it. */
record IssueVersionResource(Instant savedAt, String savedBy, List<String> changes, String title, String template,
		VariantRequest fr, VariantRequest en, String sender, String replyTo, boolean archived) {

	static IssueVersionResource of(IssueVersion version) {
		var before = version.previous();
		return new IssueVersionResource(version.savedAt(), version.savedBy(), version.changes(), before.title(),
				before.template(), VariantRequest.of(before.french()), VariantRequest.of(before.english()),
				before.sender() == null ? null : before.sender().email(), before.replyTo(), before.archived());
	}

}
