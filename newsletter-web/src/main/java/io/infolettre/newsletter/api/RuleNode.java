package io.infolettre.newsletter.api;

import java.util.List;

import io.infolettre.newsletter.segment.SegmentRule;
import io.infolettre.newsletter.segment.SegmentRule.Condition;
import io.infolettre.newsletter.segment.SegmentRule.Group;

/**
 * A segment's rule tree in JSON: a group ({@code "type": "group"}, {@code junction} AND or OR,
 * {@code not}, {@code rules}) or a rule ({@code "type": "rule"}, {@code subject}, {@code operator},
 * {@code attribute}, {@code values}).
 */
record RuleNode(String type, SegmentRule.Junction junction, Boolean not, List<RuleNode> rules,
		SegmentRule.Subject subject, SegmentRule.Operator operator, String attribute, List<String> values) {

	static RuleNode of(SegmentRule rule) {
		if (rule instanceof Group group) {
			return new RuleNode("group", group.junction(), group.negated(),
					group.rules().stream().map(RuleNode::of).toList(), null, null, null, null);
		}
		Condition condition = (Condition) rule;
		return new RuleNode("rule", null, null, null, condition.subject(), condition.operator(), condition.attribute(),
				condition.values());
	}

	/** The root: a missing tree is an empty group (everyone); a lone rule is a group of one. */
	static Group root(RuleNode node) {
		if (node == null) {
			return Group.all();
		}
		SegmentRule rule = node.toRule();
		return rule instanceof Group group ? group : Group.all(rule);
	}

	SegmentRule toRule() {
		if ("group".equals(this.type) || (this.type == null && this.rules != null)) {
			return new Group(this.junction, Boolean.TRUE.equals(this.not),
					this.rules == null ? List.of() : this.rules.stream().map(RuleNode::toRule).toList());
		}
		return new Condition(this.subject, this.operator, this.attribute, this.values);
	}

}
