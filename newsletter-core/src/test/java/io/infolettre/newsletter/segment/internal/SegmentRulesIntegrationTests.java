package io.infolettre.newsletter.segment.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.MutableClock;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.segment.Segment;
import io.infolettre.newsletter.segment.SegmentRule;
import io.infolettre.newsletter.segment.SegmentRule.Condition;
import io.infolettre.newsletter.segment.SegmentRule.Group;
import io.infolettre.newsletter.segment.SegmentRule.Operator;
import io.infolettre.newsletter.segment.SegmentRule.Subject;
import io.infolettre.newsletter.segment.SegmentRuleException;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberFields;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each kind of rule against real documents in the embedded MongoDB-wire server: the filters the
 * compiler builds select exactly whom they say, and an audience never takes a subscriber who may not
 * receive mail, whatever the segment says.
 */
class SegmentRulesIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-05-04T14:00:00Z");

	private final MutableClock clock = new MutableClock(NOW, ZoneOffset.UTC);

	private final List<String> sentIssues = new ArrayList<>(List.of("issue-c", "issue-b", "issue-a"));

	private EmbeddedMongo mongo;

	private MongoSegments segments;

	private MongoRecipientSource recipients;

	@BeforeEach
	void start() {
		this.mongo = new EmbeddedMongo();
		this.segments = new MongoSegments(this.mongo.template(), new TestAttributes(),
				count -> this.sentIssues.subList(0, Math.min(count, this.sentIssues.size())), this.clock);
		this.recipients = new MongoRecipientSource(this.mongo.template(), this.segments, this.clock);
		// Amélie: Chicoutimi, manufacturing, 1200 employees, member since 2015, French, list infolettre,
		// tag vip, opened issue-b. Benoît: Alma, engineering, 40, since 2021, English, tag ca, opened
		// issue-a. Chloé: Roberval, transport, no number, French, express consent, opened nothing.
		add("amelie", "Amélie", "Rio Tinto", "fr", consentImplied(NOW.minus(Duration.ofDays(100))), "infolettre",
				"vip", "Fabrication et transformation", "Chicoutimi", "2015-06-01", 1200L, true, "issue-b");
		add("benoit", "Benoît", "Génie Alma", "en", consentImplied(NOW.minus(Duration.ofDays(10))), "fournisseurs",
				"ca", "Génie", "Alma", "2021-01-15", 40L, false, "issue-a");
		add("chloe", "Chloé", "Transport Roberval", "fr",
				Consent.express(Consent.Channel.FORM, "/abonnement", "Je m’abonne", "24.1.2.3", NOW.minusSeconds(60)),
				"infolettre", null, "Transport", "Roberval", null, null, null, null);
		this.mongo.template().insert(new Document("_id", "company:rio tinto").append("name", "Rio Tinto")
			.append("attributes", new Document("employes", 9000L).append("secteur", "Fabrication et transformation")),
				"companies");
		this.mongo.template().insert(new Document("_id", "company:génie alma").append("name", "Génie Alma")
			.append("attributes", new Document("employes", 40L)), "companies");
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void eachAttributeOperatorSelectsByTheStoredType() {
		assertSelects(Condition.attribute("secteur", Operator.EQUALS, "génie"), "benoit");
		assertSelects(Condition.attribute("territoire", Operator.IN, "Alma", "Roberval"), "benoit", "chloe");
		assertSelects(Condition.attribute("territoire", Operator.CONTAINS, "CHICOU"), "amelie");
		assertSelects(Condition.attribute("membreDepuis", Operator.BEFORE, "2020-01-01"), "amelie");
		assertSelects(Condition.attribute("membreDepuis", Operator.AFTER, "01/01/2020"), "benoit");
		assertSelects(Condition.attribute("employes", Operator.GREATER_THAN, "100"), "amelie");
		assertSelects(Condition.attribute("employes", Operator.LESS_THAN, "100,5"), "benoit");
		assertSelects(Condition.attribute("exportateur", Operator.EQUALS, "non"), "benoit");
		assertSelects(Condition.attribute("membreDepuis", Operator.IS_SET), "amelie", "benoit");
	}

	@Test
	void listTagLanguageStatusAndConsentRules() {
		assertSelects(Condition.of(Subject.LIST, Operator.EQUALS, "infolettre"), "amelie", "chloe");
		assertSelects(Condition.of(Subject.TAG, Operator.IN, "vip", "ca"), "amelie", "benoit");
		assertSelects(Condition.of(Subject.LANGUAGE, Operator.EQUALS, "en"), "benoit");
		assertSelects(Condition.of(Subject.CONSENT, Operator.EQUALS, "express"), "chloe");
		assertSelects(Condition.of(Subject.STATUS, Operator.EQUALS, "active"), "amelie", "benoit", "chloe");
	}

	@Test
	void companyAttributeRulesSelectTheEmployeesOfMatchingCompanies() {
		assertSelects(Condition.companyAttribute("employes", Operator.GREATER_THAN, "1000"), "amelie");
		assertSelects(Condition.companyAttribute("employes", Operator.IS_SET), "amelie", "benoit");
		assertSelects(Condition.companyAttribute("secteur", Operator.EQUALS, "Génie"));
	}

	@Test
	void engagementFollowsTheLastIssuesSentAndItsNegationIsTheInactive() {
		assertSelects(Condition.openedOneOfLast(2), "amelie");
		assertSelects(Condition.openedOneOfLast(3), "amelie", "benoit");
		assertSelects(Group.all(Condition.openedOneOfLast(3)).negate(), "chloe");
		this.sentIssues.add(0, "issue-d");
		assertSelects(Condition.openedOneOfLast(2), new String[0]);
		this.sentIssues.clear();
		assertSelects(Condition.openedOneOfLast(3), new String[0]);
	}

	@Test
	void groupsNestAndNegate() {
		// French AND (vip OR in Alma) -> Amélie; NOT that -> Benoît and Chloé
		Group tree = Group.all(Condition.of(Subject.LANGUAGE, Operator.EQUALS, "fr"),
				Group.any(Condition.of(Subject.TAG, Operator.EQUALS, "vip"),
						Condition.attribute("territoire", Operator.EQUALS, "Alma")));
		assertSelects(tree, "amelie");
		assertSelects(tree.negate(), "benoit", "chloe");
		assertSelects(new Group(SegmentRule.Junction.OR, false, tree.rules()), "amelie", "benoit", "chloe");
		assertSelects(Group.all(), "amelie", "benoit", "chloe");
	}

	@Test
	void noSegmentSelectsAnyoneWhoMayNotReceiveMail() {
		Segment everyone = this.segments.create("Tout le monde", null,
				Group.any(Condition.of(Subject.STATUS, Operator.IN, "active", "unsubscribed", "bounced")));
		assertThat(ids(Audience.segment(everyone.id()))).containsExactly("amelie", "benoit", "chloe");

		set("amelie", new Update().set(SubscriberFields.STATUS, SubscriberStatus.UNSUBSCRIBED.name()));
		set("chloe", new Update().set(SubscriberFields.CONSENT_WITHDRAWN_AT, NOW.minusSeconds(5)));
		assertThat(ids(Audience.segment(everyone.id()))).containsExactly("benoit");
		assertThat(this.recipients.count(Audience.segment(everyone.id()))).isEqualTo(1);

		// two years after Benoît's implied consent was granted, it lapses: nobody is left
		this.clock.set(NOW.plus(Duration.ofDays(2 * 365 - 9)));
		assertThat(ids(Audience.segment(everyone.id()))).isEmpty();
		assertThat(this.segments.preview(everyone.rules(), true, 10).count()).isZero();
		assertThat(this.segments.preview(everyone.rules(), false, 10).count()).as("all statuses, for information")
			.isEqualTo(3);
	}

	@Test
	void aSegmentIsStoredAsDataAndEvaluatedWhenAsked() {
		Group rules = Group.all(Condition.of(Subject.LIST, Operator.EQUALS, "infolettre"),
				Group.all(Condition.attribute("employes", Operator.GREATER_THAN, "10")).negate());
		Segment saved = this.segments.create("  Sans effectif connu ", "pour test", rules);
		assertThat(this.segments.find(saved.id()).orElseThrow().rules()).isEqualTo(rules);
		assertThat(this.segments.find(saved.id()).orElseThrow().name()).isEqualTo("Sans effectif connu");
		assertThat(ids(Audience.segment(saved.id()))).containsExactly("chloe");

		set("amelie", new Update().unset(SubscriberFields.attribute("employes")));
		assertThat(this.recipients.count(Audience.segment(saved.id()))).as("a segment follows the subscribers")
			.isEqualTo(2);
		assertThat(this.segments.members(saved.id(), null, 1)).extracting(Subscriber::getFirstName)
			.containsExactly("Amélie");
		String first = this.segments.members(saved.id(), null, 1).get(0).getId();
		assertThat(this.segments.members(saved.id(), first, 10)).extracting(Subscriber::getFirstName)
			.containsExactly("Chloé");
	}

	@Test
	void aBadRuleIsNotSaved() {
		assertThatThrownBy(() -> this.segments.create("Mauvais", null,
				Group.all(Condition.attribute("employes", Operator.GREATER_THAN, "plusieurs"))))
			.isInstanceOf(SegmentRuleException.class)
			.hasMessage("Règle 1 : Employés : nombre attendu : « plusieurs »");
		assertThat(this.segments.all()).isEmpty();
	}

	private void assertSelects(SegmentRule rule, String... who) {
		Group tree = rule instanceof Group group ? group : Group.all(rule);
		Criteria criteria = this.segments.compile(tree);
		List<String> selected = this.mongo.template()
			.find(Query.query(criteria), Subscriber.class)
			.stream()
			.map(Subscriber::getEmail)
			.map(email -> email.value().substring(0, email.value().indexOf('@')))
			.sorted()
			.toList();
		assertThat(selected).as(criteria.getCriteriaObject().toJson()).containsExactly(who);
	}

	private List<String> ids(Audience audience) {
		List<String> ids = new ArrayList<>();
		this.recipients.forEachBatch(audience, 2, ids::addAll);
		return this.mongo.template()
			.find(Query.query(Criteria.where("_id").in(ids)), Subscriber.class)
			.stream()
			.map(s -> s.getEmail().value().substring(0, s.getEmail().value().indexOf('@')))
			.sorted()
			.toList();
	}

	private void set(String who, Update update) {
		this.mongo.template()
			.updateFirst(Query.query(Criteria.where(SubscriberFields.EMAIL).is(who + "@exemple.ca")), update,
					Subscriber.class);
	}

	private static Consent consentImplied(Instant at) {
		return Consent.implied(Consent.Type.IMPLIED_MEMBERSHIP, Consent.Channel.IMPORT, "membres.csv", "Membre", at);
	}

	private void add(String who, String firstName, String company, String language, Consent consent, String list,
			String tag, String sector, String territory, String since, Long employees, Boolean exporter,
			String opened) {
		var subscriber = new Subscriber(EmailAddress.of(who + "@exemple.ca"), firstName, "Tremblay", company, language,
				consent, NOW)
			.addToList(list)
			.withAttribute("secteur", sector)
			.withAttribute("territoire", territory);
		if (tag != null) {
			subscriber.withTag(tag);
		}
		if (since != null) {
			subscriber.withAttribute("membreDepuis", since);
		}
		if (employees != null) {
			subscriber.withAttribute("employes", employees);
		}
		if (exporter != null) {
			subscriber.withAttribute("exportateur", exporter);
		}
		this.mongo.template().insert(subscriber);
		if (opened != null) {
			set(who, new Update().push(SubscriberFields.ENGAGEMENT_OPENED_ISSUES, opened));
		}
	}

}
