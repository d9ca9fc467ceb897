package io.infolettre.newsletter.segment.internal;

import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.segment.SegmentRule.Condition;
import io.infolettre.newsletter.segment.SegmentRule.Group;
import io.infolettre.newsletter.segment.SegmentRule.Operator;
import io.infolettre.newsletter.segment.SegmentRule.Subject;
import io.infolettre.newsletter.segment.SegmentRuleException;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RuleCompilerTests {

	private final List<Document> companyQueries = new ArrayList<>();

	private final RuleCompiler compiler = new RuleCompiler(new TestAttributes(), criteria -> {
		this.companyQueries.add(criteria.getCriteriaObject());
		return List.of("Alcoa", "Rio Tinto");
	}, count -> List.of("i3", "i2", "i1").subList(0, Math.min(3, count)));

	@Test
	void attributeOperatorsCompareTypedValues() {
		assertThat(json(Condition.attribute("secteur", Operator.EQUALS, "génie")))
			.isEqualTo("{\"attributes.secteur\": \"Génie\"}");
		assertThat(json(Condition.attribute("territoire", Operator.IN, "Alma", " Roberval ")))
			.isEqualTo("{\"attributes.territoire\": {\"$in\": [\"Alma\", \"Roberval\"]}}");
		assertThat(json(Condition.attribute("territoire", Operator.CONTAINS, "Saint-(")))
			.isEqualTo("{\"attributes.territoire\": {\"$regularExpression\": {\"pattern\": \"\\\\QSaint-(\\\\E\", \"options\": \"i\"}}}");
		assertThat(json(Condition.attribute("membreDepuis", Operator.BEFORE, "15/03/2020")))
			.isEqualTo("{\"attributes.membreDepuis\": {\"$lt\": \"2020-03-15\"}}");
		assertThat(json(Condition.attribute("membreDepuis", Operator.AFTER, "2020-03-15")))
			.isEqualTo("{\"attributes.membreDepuis\": {\"$gt\": \"2020-03-15\"}}");
		assertThat(json(Condition.attribute("employes", Operator.GREATER_THAN, "1 000")))
			.isEqualTo("{\"attributes.employes\": {\"$gt\": 1000}}");
		assertThat(json(Condition.attribute("employes", Operator.LESS_THAN, "2,5")))
			.isEqualTo("{\"attributes.employes\": {\"$lt\": 2.5}}");
		assertThat(json(Condition.attribute("exportateur", Operator.EQUALS, "oui")))
			.isEqualTo("{\"attributes.exportateur\": true}");
		assertThat(json(Condition.attribute("territoire", Operator.IS_SET)))
			.isEqualTo("{\"attributes.territoire\": {\"$exists\": true, \"$ne\": null}}");
	}

	@Test
	void membershipSubjects() {
		assertThat(json(Condition.of(Subject.LIST, Operator.EQUALS, "infolettre")))
			.isEqualTo("{\"lists\": \"infolettre\"}");
		assertThat(json(Condition.of(Subject.TAG, Operator.IN, "vip", "ca")))
			.isEqualTo("{\"tags\": {\"$in\": [\"vip\", \"ca\"]}}");
		assertThat(json(Condition.of(Subject.LANGUAGE, Operator.EQUALS, "EN"))).isEqualTo("{\"language\": \"en\"}");
		assertThat(json(Condition.of(Subject.STATUS, Operator.IN, "active", "bounced")))
			.isEqualTo("{\"status\": {\"$in\": [\"ACTIVE\", \"BOUNCED\"]}}");
		assertThat(json(Condition.of(Subject.CONSENT, Operator.EQUALS, "express")))
			.isEqualTo("{\"consent.type\": \"EXPRESS\"}");
	}

	@Test
	void companyAttributeSelectsTheEmployeesOfMatchingCompanies() {
		assertThat(json(Condition.companyAttribute("employes", Operator.GREATER_THAN, "500")))
			.isEqualTo("{\"company\": {\"$in\": [\"Alcoa\", \"Rio Tinto\"]}}");
		assertThat(this.companyQueries).extracting(Document::toJson)
			.containsExactly("{\"attributes.employes\": {\"$gt\": 500}}");
	}

	@Test
	void engagementLooksAtTheLastIssuesSent() {
		assertThat(json(Condition.openedOneOfLast(2)))
			.isEqualTo("{\"engagement.openedIssues\": {\"$in\": [\"i3\", \"i2\"]}}");
	}

	@Test
	void groupsNestAndNegate() {
		var tree = Group.all(Condition.of(Subject.LANGUAGE, Operator.EQUALS, "fr"),
				Group.any(Condition.of(Subject.TAG, Operator.EQUALS, "a"), Condition.of(Subject.TAG, Operator.EQUALS, "b")),
				Group.all(Condition.openedOneOfLast(1)).negate());
		assertThat(this.compiler.compile(tree).getCriteriaObject().toJson()).isEqualTo("{\"$and\": [{\"language\": \"fr\"}, "
				+ "{\"$or\": [{\"tags\": \"a\"}, {\"tags\": \"b\"}]}, {\"$nor\": [{\"engagement.openedIssues\": {\"$in\": [\"i3\"]}}]}]}");
	}

	@Test
	void anEmptyGroupConstrainsNothingAndItsNegationSelectsNobody() {
		assertThat(this.compiler.compile(Group.all()).getCriteriaObject().toJson()).isEqualTo("{}");
		assertThat(this.compiler.compile(Group.all().negate()).getCriteriaObject().toJson()).isEqualTo("{\"$nor\": [{}]}");
	}

	@Test
	void badRulesAreRefusedWithTheirPosition() {
		assertRefused(Group.all(Condition.attribute("inconnu", Operator.EQUALS, "x")), "1",
				"Règle 1 : attribut inconnu « inconnu »");
		assertRefused(Group.all(Condition.of(Subject.TAG, Operator.EQUALS, "a"),
				Group.any(Condition.attribute("employes", Operator.GREATER_THAN, "beaucoup"))), "2.1",
				"Règle 2.1 : Employés : nombre attendu : « beaucoup »");
		assertRefused(Group.all(Condition.attribute("secteur", Operator.EQUALS, "Mines")), "1",
				"Règle 1 : Secteur : valeur inconnue : « Mines »");
		assertRefused(Group.all(Condition.attribute("membreDepuis", Operator.AFTER, "hier")), "1",
				"Règle 1 : Membre depuis : date attendue (AAAA-MM-JJ) : « hier »");
		assertRefused(Group.all(Condition.attribute("territoire", Operator.GREATER_THAN, "3")), "1",
				"Règle 1 : « plus grand » et « plus petit » s’appliquent à un nombre");
		assertRefused(Group.all(Condition.attribute("employes", Operator.BEFORE, "2020-01-01")), "1",
				"Règle 1 : « avant » et « après » s’appliquent à une date");
		assertRefused(Group.all(Condition.attribute("employes", Operator.CONTAINS, "2")), "1",
				"Règle 1 : « contient » s’applique à un texte ou à un choix");
		assertRefused(Group.all(Condition.attribute("territoire", Operator.EQUALS)), "1", "Règle 1 : valeur manquante");
		assertRefused(Group.all(Condition.of(Subject.LANGUAGE, Operator.EQUALS, "de")), "1",
				"Règle 1 : langue inconnue « de » (fr ou en)");
		assertRefused(Group.all(Condition.of(Subject.STATUS, Operator.EQUALS, "parti")), "1",
				"Règle 1 : statut inconnu « parti »");
		assertRefused(Group.all(Condition.of(Subject.TAG, Operator.GREATER_THAN, "2")), "1",
				"Règle 1 : cette comparaison ne s’applique pas ici (GREATER_THAN)");
		assertRefused(Group.all(Condition.openedOneOfLast(25)), "1", "Règle 1 : le nombre de numéros va de 1 à 24");
		assertRefused(Group.all(Condition.attribute(null, Operator.EQUALS, "x")), "1", "Règle 1 : choisissez un attribut");
	}

	@Test
	void aFieldNameNeverComesFromTheRequest() {
		// an operator smuggled in as an attribute name is an unknown attribute, not a query
		assertRefused(Group.all(Condition.attribute("$where", Operator.IS_SET)), "1", "Règle 1 : attribut inconnu « $where »");
		assertThat(json(Condition.attribute("territoire", Operator.EQUALS, "{\"$gt\": \"\"}")))
			.isEqualTo("{\"attributes.territoire\": \"{\\\"$gt\\\": \\\"\\\"}\"}");
	}

	private void assertRefused(Group tree, String path, String message) {
		assertThatThrownBy(() -> this.compiler.compile(tree)).isInstanceOf(SegmentRuleException.class)
			.hasMessage(message)
			.extracting(ex -> ((SegmentRuleException) ex).getPath())
			.isEqualTo(path);
	}

	private String json(Condition condition) {
		Criteria criteria = this.compiler.compile(Group.all(condition));
		return criteria.getCriteriaObject().toJson();
	}

}
