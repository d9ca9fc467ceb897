package io.infolettre.newsletter.segment;

import java.util.List;

/**
 * A segment's rules, stored as data (never as a query string): groups combine rules and other groups
 * with AND or OR, and a negated group keeps those who do not match it (NOT). The rules are compiled
 * to a MongoDB filter each time the segment is evaluated, so that a segment follows the subscribers.
 */
public sealed interface SegmentRule permits SegmentRule.Group, SegmentRule.Condition {

	/** How a group combines its members. */
	enum Junction {

		AND, OR

	}

	/** What a condition looks at. */
	enum Subject {

		/** A typed subscriber attribute ({@code attributes.<name>}). */
		ATTRIBUTE,
		/** Member of a static list. */
		LIST,
		/** Carries a tag. */
		TAG,
		/** Preferred language (fr, en). */
		LANGUAGE,
		/** Status (active, unsubscribed…): only useful to count, audiences keep the active ones. */
		STATUS,
		/** The type of the consent (express, implied by membership or business relationship). */
		CONSENT,
		/** An attribute of the subscriber's member company. */
		COMPANY_ATTRIBUTE,
		/** Opened at least one of the last N issues sent. */
		ENGAGEMENT

	}

	/** How a condition compares. */
	enum Operator {

		EQUALS, IN, CONTAINS, BEFORE, AFTER, GREATER_THAN, LESS_THAN, IS_SET, OPENED_ONE_OF_LAST

	}

	/**
	 * @param junction AND or OR
	 * @param negated NOT: those who do not match the group
	 * @param rules conditions and groups; an empty group constrains nothing
	 */
	record Group(Junction junction, boolean negated, List<SegmentRule> rules) implements SegmentRule {

		public Group {
			junction = junction == null ? Junction.AND : junction;
			rules = rules == null ? List.of() : List.copyOf(rules);
		}

		public static Group all(SegmentRule... rules) {
			return new Group(Junction.AND, false, List.of(rules));
		}

		public static Group any(SegmentRule... rules) {
			return new Group(Junction.OR, false, List.of(rules));
		}

		public Group negate() {
			return new Group(this.junction, !this.negated, this.rules);
		}

	}

	/**
	 * @param subject what is looked at
	 * @param operator how it is compared
	 * @param attribute the attribute's name, for the attribute subjects
	 * @param values the values as typed (parsed and checked against the attribute's type when compiled)
	 */
	record Condition(Subject subject, Operator operator, String attribute, List<String> values) implements SegmentRule {

		public Condition {
			values = values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
		}

		public static Condition attribute(String name, Operator operator, String... values) {
			return new Condition(Subject.ATTRIBUTE, operator, name, List.of(values));
		}

		public static Condition companyAttribute(String name, Operator operator, String... values) {
			return new Condition(Subject.COMPANY_ATTRIBUTE, operator, name, List.of(values));
		}

		public static Condition of(Subject subject, Operator operator, String... values) {
			return new Condition(subject, operator, null, List.of(values));
		}

		/** Opened at least one of the last {@code issues} issues sent. */
		public static Condition openedOneOfLast(int issues) {
			return of(Subject.ENGAGEMENT, Operator.OPENED_ONE_OF_LAST, String.valueOf(issues));
		}

	}

}
