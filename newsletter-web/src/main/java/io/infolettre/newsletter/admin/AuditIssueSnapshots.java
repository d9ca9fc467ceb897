package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.issue.SendWindow;
import io.infolettre.newsletter.issue.SendTime;
import java.util.stream.Collectors;
import java.util.Locale;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueVariant;
import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.system.AuditSnapshot;
import io.infolettre.newsletter.system.AuditSnapshotSource;

import org.springframework.stereotype.Component;

/**
 * An issue as the audit log compares it: its title, status, layout, audience, sender and send time,
 * and per language its subject, preheader and each block's fields ({@code fr.blocks.2.text}).
 */
@Component
class AuditIssueSnapshots implements AuditSnapshotSource {

	private final IssueManagement issues;

	AuditIssueSnapshots(IssueManagement issues) {
		this.issues = issues;
	}

	@Override
	public Set<AuditKind> kinds() {
		return Set.of(AuditKind.ISSUE);
	}

	@Override
	public Optional<AuditSnapshot> take(String id) {
		return this.issues.find(id).map(AuditIssueSnapshots::snapshot);
	}

	private static String sendTime(SendTime time) {
		return time.date() + " " + time.time() + " (" + time.zone().getId() + ")";
	}

	private static String window(SendWindow window) {
		return window.days().stream().sorted().map(day -> day.getDisplayName(TextStyle.SHORT, Locale.CANADA_FRENCH))
			.collect(Collectors.joining(", ")) + " " + window.opens() + "–" + window.closes() + " (" + window.zone().getId()
				+ ")";
	}

	private static AuditSnapshot snapshot(Issue issue) {
		var audience = issue.getAudience();
		var snapshot = AuditSnapshot.of(issue.getTitle())
			.put("title", issue.getTitle())
			.put("status", issue.getStatus())
			.put("template", issue.getContent().template())
			.put("audience.list", audience == null ? null : audience.list())
			.put("audience.segment", audience == null ? null : audience.segment())
			.put("sender", issue.getSender() == null ? null : issue.getSender().email())
			.put("replyTo", issue.getReplyTo())
			.put("archived", issue.isArchived())
			// written as a person reads them (the journal's CSV too), not as the records print themselves
			.put("sendTime", issue.getSendTime() == null ? null : sendTime(issue.getSendTime()))
			.put("window", issue.getWindow() == null ? null : window(issue.getWindow()))
			.put("review", issue.getReviewState());
		for (String language : issue.languages()) {
			IssueVariant variant = issue.variant(language);
			snapshot.put(language + ".subject", variant.subject()).put(language + ".preheader", variant.preheader());
			blocks(snapshot, language + ".blocks", variant.blocks());
		}
		return snapshot.build();
	}

	private static void blocks(AuditSnapshot.Builder snapshot, String prefix, List<Block> blocks) {
		for (int i = 0; i < blocks.size(); i++) {
			Block block = blocks.get(i);
			String at = prefix + "." + (i + 1);
			snapshot.put(at + ".type", block.type()).put(at, block.fields());
			blocks(snapshot, at + ".left", block.left());
			blocks(snapshot, at + ".right", block.right());
		}
	}

}
