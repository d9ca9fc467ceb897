package io.infolettre.newsletter.segment.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.infolettre.newsletter.segment.RecentIssues;
import io.infolettre.newsletter.segment.SegmentRule;
import io.infolettre.newsletter.segment.SegmentRule.Condition;
import io.infolettre.newsletter.segment.SegmentRule.Group;
import io.infolettre.newsletter.segment.SegmentRule.Operator;
import io.infolettre.newsletter.segment.SegmentRuleException;
import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.AttributeType;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.SubscriberFields;
import io.infolettre.newsletter.subscriber.SubscriberStatus;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Compiles a rule tree to a MongoDB filter with {@link Criteria} objects: user input only ever
 * becomes a value (parsed to the attribute's type) or a field name checked against the known
 * attributes, never a piece of query text. A rule that cannot be compiled is refused with its
 * position in the tree.
 */
class RuleCompiler {

	/** How far back an engagement rule may look: the subscriber keeps the last 24 issues opened. */
	static final int MAX_ENGAGEMENT_ISSUES = 24;

	private static final Set<String> LANGUAGES = Set.of("fr", "en");

	private static final Set<Operator> MEMBERSHIP = EnumSet.of(Operator.EQUALS, Operator.IN);

	private final AttributeDefinitions attributes;

	private final Function<Criteria, List<String>> companyNames;

	private final RecentIssues recentIssues;

	/**
	 * @param companyNames the names of the companies matching a filter on the companies' documents
	 */
	RuleCompiler(AttributeDefinitions attributes, Function<Criteria, List<String>> companyNames,
			RecentIssues recentIssues) {
		this.attributes = attributes;
		this.companyNames = companyNames;
		this.recentIssues = recentIssues;
	}

	Criteria compile(Group root) {
		return group(root == null ? Group.all() : root, "");
	}

	private Criteria group(Group group, String path) {
		List<Criteria> members = new ArrayList<>();
		for (int i = 0; i < group.rules().size(); i++) {
			String at = path.isEmpty() ? String.valueOf(i + 1) : path + "." + (i + 1);
			SegmentRule rule = group.rules().get(i);
			if (rule == null) {
				throw new SegmentRuleException(at, "règle vide");
			}
			members.add(rule instanceof Group nested ? group(nested, at) : condition((Condition) rule, at));
		}
		Criteria combined;
		if (members.isEmpty()) {
			combined = new Criteria();
		}
		else if (members.size() == 1) {
			combined = members.get(0);
		}
		else {
			combined = group.junction() == SegmentRule.Junction.OR ? new Criteria().orOperator(members)
					: new Criteria().andOperator(members);
		}
		return group.negated() ? new Criteria().norOperator(combined) : combined;
	}

	private Criteria condition(Condition rule, String at) {
		if (rule.subject() == null || rule.operator() == null) {
			throw new SegmentRuleException(at, "choisissez ce que la règle regarde et comment elle compare");
		}
		return switch (rule.subject()) {
			case ATTRIBUTE -> attribute(SubscriberFields.attribute(definition(rule, at).name()), definition(rule, at),
					rule, at);
			case COMPANY_ATTRIBUTE -> company(rule, at);
			case LIST -> membership(SubscriberFields.LISTS, rule, at, Function.identity());
			case TAG -> membership(SubscriberFields.TAGS, rule, at, Function.identity());
			case LANGUAGE -> membership(SubscriberFields.LANGUAGE, rule, at, value -> language(value, at));
			case STATUS -> membership(SubscriberFields.STATUS, rule, at, value -> status(value, at));
			case CONSENT -> membership(SubscriberFields.CONSENT_TYPE, rule, at, value -> consent(value, at));
			case ENGAGEMENT -> engagement(rule, at);
		};
	}

	private AttributeDefinition definition(Condition rule, String at) {
		if (rule.attribute() == null || rule.attribute().isBlank()) {
			throw new SegmentRuleException(at, "choisissez un attribut");
		}
		return this.attributes.find(rule.attribute())
			.orElseThrow(() -> new SegmentRuleException(at, "attribut inconnu « " + rule.attribute() + " »"));
	}

	// Field names come from the definitions, never from the request: only a known attribute is queried.
	private Criteria attribute(String field, AttributeDefinition definition, Condition rule, String at) {
		AttributeType type = definition.type();
		return switch (rule.operator()) {
			case IS_SET -> Criteria.where(field).exists(true).ne(null);
			case EQUALS -> Criteria.where(field).is(typed(definition, single(rule, at), at));
			case IN -> Criteria.where(field).in(several(rule, at).stream().map(v -> typed(definition, v, at)).toList());
			case CONTAINS -> {
				require(type == AttributeType.TEXT || type == AttributeType.CHOICE, at,
						"« contient » s’applique à un texte ou à un choix");
				yield Criteria.where(field).regex(Pattern.quote(single(rule, at)), "i");
			}
			case BEFORE, AFTER -> {
				require(type == AttributeType.DATE, at, "« avant » et « après » s’appliquent à une date");
				Object date = typed(definition, single(rule, at), at);
				yield rule.operator() == Operator.BEFORE ? Criteria.where(field).lt(date) : Criteria.where(field).gt(date);
			}
			case GREATER_THAN, LESS_THAN -> {
				require(type == AttributeType.NUMBER, at, "« plus grand » et « plus petit » s’appliquent à un nombre");
				Object number = typed(definition, single(rule, at), at);
				yield rule.operator() == Operator.GREATER_THAN ? Criteria.where(field).gt(number)
						: Criteria.where(field).lt(number);
			}
			case OPENED_ONE_OF_LAST -> throw unsupported(rule, at);
		};
	}

	/**
	 * The companies matching the attribute rule are looked up first, then their employees are
	 * selected by company name: one small query on about 300 companies, and a subscriber filter that
	 * needs nothing but the company field.
	 */
	private Criteria company(Condition rule, String at) {
		AttributeDefinition definition = definition(rule, at);
		Criteria onCompanies = attribute("attributes." + definition.name(), definition, rule, at);
		return Criteria.where(SubscriberFields.COMPANY).in(this.companyNames.apply(onCompanies));
	}

	private Criteria membership(String field, Condition rule, String at, Function<String, String> check) {
		if (!MEMBERSHIP.contains(rule.operator())) {
			throw unsupported(rule, at);
		}
		if (rule.operator() == Operator.EQUALS) {
			return Criteria.where(field).is(check.apply(single(rule, at)));
		}
		return Criteria.where(field).in(several(rule, at).stream().map(check).toList());
	}

	private Criteria engagement(Condition rule, String at) {
		if (rule.operator() != Operator.OPENED_ONE_OF_LAST) {
			throw unsupported(rule, at);
		}
		int count;
		try {
			count = Integer.parseInt(single(rule, at));
		}
		catch (NumberFormatException ex) {
			throw new SegmentRuleException(at, "nombre de numéros attendu : « " + single(rule, at) + " »");
		}
		require(count >= 1 && count <= MAX_ENGAGEMENT_ISSUES, at,
				"le nombre de numéros va de 1 à " + MAX_ENGAGEMENT_ISSUES);
		// no issue sent yet: nobody opened any ($in of nothing matches nothing)
		return Criteria.where(SubscriberFields.ENGAGEMENT_OPENED_ISSUES).in(this.recentIssues.lastSent(count));
	}

	private static Object typed(AttributeDefinition definition, String raw, String at) {
		try {
			return definition.parse(raw).orElseThrow(() -> new SegmentRuleException(at, "valeur manquante"));
		}
		catch (SegmentRuleException ex) {
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			throw new SegmentRuleException(at, ex.getMessage());
		}
	}

	private static String single(Condition rule, String at) {
		List<String> values = rule.values().stream().filter(v -> !v.isBlank()).toList();
		if (values.size() != 1) {
			throw new SegmentRuleException(at, values.isEmpty() ? "valeur manquante" : "une seule valeur attendue");
		}
		return values.get(0).strip();
	}

	private static List<String> several(Condition rule, String at) {
		List<String> values = rule.values().stream().filter(v -> !v.isBlank()).map(String::strip).toList();
		if (values.isEmpty()) {
			throw new SegmentRuleException(at, "au moins une valeur attendue");
		}
		return values;
	}

	private static String language(String value, String at) {
		String language = value.toLowerCase(Locale.ROOT);
		require(LANGUAGES.contains(language), at, "langue inconnue « " + value + " » (fr ou en)");
		return language;
	}

	private static String status(String value, String at) {
		try {
			return SubscriberStatus.valueOf(value.toUpperCase(Locale.ROOT)).name();
		}
		catch (IllegalArgumentException ex) {
			throw new SegmentRuleException(at, "statut inconnu « " + value + " »");
		}
	}

	private static String consent(String value, String at) {
		try {
			return Consent.Type.valueOf(value.toUpperCase(Locale.ROOT)).name();
		}
		catch (IllegalArgumentException ex) {
			throw new SegmentRuleException(at, "type de consentement inconnu « " + value + " »");
		}
	}

	private static SegmentRuleException unsupported(Condition rule, String at) {
		return new SegmentRuleException(at, "cette comparaison ne s’applique pas ici (" + rule.operator() + ")");
	}

	private static void require(boolean condition, String at, String reason) {
		if (!condition) {
			throw new SegmentRuleException(at, reason);
		}
	}

}
