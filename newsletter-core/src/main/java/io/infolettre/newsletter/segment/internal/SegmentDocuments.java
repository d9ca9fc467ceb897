package io.infolettre.newsletter.segment.internal;

import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.segment.SegmentRule;
import io.infolettre.newsletter.segment.SegmentRule.Condition;
import io.infolettre.newsletter.segment.SegmentRule.Group;
import org.bson.Document;

/**
 * A rule tree as a document and back: the segment stores its rules as data, so that they can be
 * shown, edited and compiled again (against the attribute definitions of the day).
 */
final class SegmentDocuments {

	private static final String KIND = "kind";

	private SegmentDocuments() {
	}

	static Document of(SegmentRule rule) {
		if (rule instanceof Group group) {
			List<Document> rules = group.rules().stream().map(SegmentDocuments::of).toList();
			return new Document(KIND, "group").append("junction", group.junction().name())
				.append("negated", group.negated())
				.append("rules", rules);
		}
		Condition condition = (Condition) rule;
		return new Document(KIND, "condition").append("subject", name(condition.subject()))
			.append("operator", name(condition.operator()))
			.append("attribute", condition.attribute())
			.append("values", condition.values());
	}

	static Group group(Document document) {
		return document == null ? Group.all() : (Group) rule(document);
	}

	private static SegmentRule rule(Document document) {
		if ("group".equals(document.getString(KIND))) {
			List<SegmentRule> rules = new ArrayList<>();
			for (Document nested : document.getList("rules", Document.class, List.of())) {
				rules.add(rule(nested));
			}
			return new Group(SegmentRule.Junction.valueOf(document.getString("junction")),
					document.getBoolean("negated", false), rules);
		}
		String subject = document.getString("subject");
		String operator = document.getString("operator");
		return new Condition(subject == null ? null : SegmentRule.Subject.valueOf(subject),
				operator == null ? null : SegmentRule.Operator.valueOf(operator), document.getString("attribute"),
				document.getList("values", String.class, List.of()));
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

}
