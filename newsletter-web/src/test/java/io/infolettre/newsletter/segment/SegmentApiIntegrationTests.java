package io.infolettre.newsletter.segment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.AttributeType;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.support.TestMailServer;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Segments through the REST API, against the whole application: saved rule trees, their live count
 * and sample, their members page by page, company attributes, engagement learnt from real opens of
 * the pixel, and an issue sent to a segment that reaches exactly its receivable members.
 */
class SegmentApiIntegrationTests extends AbstractIntegrationTests {

	private static final String THUNDERBIRD = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.3.1";

	private final String u = UUID.randomUUID().toString().substring(0, 8);

	private final String tag = "t-" + this.u;

	@Autowired
	SubscriberManagement management;

	@Autowired
	Subscribers subscribers;

	@Autowired
	TrackingTokens tokens;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	AttributeDefinitions attributes;

	/**
	 * All tagged: Amélie (fr, list, Génie, her company has 500 employees), Brian (en, list), Céline
	 * (fr), Denis (fr, list, unsubscribes), Émile (fr, implied consent granted three years ago: lapsed).
	 */
	@BeforeEach
	void members() {
		Instant now = Instant.now();
		Consent member = Consent.implied(Consent.Type.IMPLIED_MEMBERSHIP, Consent.Channel.IMPORT, "membres.csv",
				"Membre de l’association", now);
		Consent lapsed = Consent.implied(Consent.Type.IMPLIED_MEMBERSHIP, Consent.Channel.IMPORT, "membres.csv",
				"Membre de l’association", now.minus(Duration.ofDays(3 * 365)));
		this.management.addAll(List.of(
				subscriber("amelie", "Amélie", "fr", member, now).addToList("l-" + this.u).withAttribute("secteur", "Génie"),
				subscriber("brian", "Brian", "en", member, now).addToList("l-" + this.u),
				subscriber("celine", "Céline", "fr", member, now),
				subscriber("denis", "Denis", "fr", member, now).addToList("l-" + this.u),
				subscriber("emile", "Émile", "fr", lapsed, now)));
		this.management.unsubscribe(id("denis"), UnsubscribeChannel.ADMIN, null);
		// the company exists already (made from its contacts); the coordinator gave it a size
		this.mongo.save(new Document("_id", "company:entreprise amelie " + this.u)
			.append("name", "Entreprise amelie " + this.u)
			.append("attributes", new Document("employes", 500L)), "companies");
	}

	@Test
	void savesCountsPagesAndDeletesASegment() {
		var created = http().api("POST", "/api/v1/segments", """
				{"name": "Francophones %s", "description": "Pour l’envoi en français",
				 "rules": {"type": "group", "junction": "AND", "rules": [
				   {"type": "rule", "subject": "TAG", "operator": "EQUALS", "values": ["%s"]},
				   {"type": "rule", "subject": "LANGUAGE", "operator": "EQUALS", "values": ["fr"]}]}}
				""".formatted(this.u, this.tag));
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode segment = json(created.body());
		String id = segment.get("id").asString();
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/segments/" + id);
		assertThat(segment.get("rules").get("rules").get(1).get("subject").asString()).isEqualTo("LANGUAGE");

		// receivable: Amélie and Céline; every status: also Denis (unsubscribed) and Émile (lapsed)
		JsonNode count = json(http().api("POST", "/api/v1/segments/count",
				"{\"rules\": " + segment.get("rules") + "}").body());
		assertThat(count.get("count").asLong()).isEqualTo(2);
		assertThat(names(count.get("sample"))).containsExactly("Amélie", "Céline");
		assertThat(count.get("sample").get(0).get("email").asString()).isEqualTo("amelie." + this.u + "@segments.exemple.ca");
		assertThat(json(http().api("POST", "/api/v1/segments/count",
				"{\"allStatuses\": true, \"rules\": " + segment.get("rules") + "}").body()).get("count").asLong())
			.isEqualTo(4);

		var firstPage = json(http().api("GET", "/api/v1/segments/" + id + "/members?size=1").body());
		assertThat(names(firstPage.get("members"))).containsExactly("Amélie");
		var secondPage = json(http().api("GET",
				"/api/v1/segments/" + id + "/members?size=1&page=" + firstPage.get("nextPage").asString()).body());
		assertThat(names(secondPage.get("members"))).containsExactly("Céline");
		var thirdPage = json(http().api("GET",
				"/api/v1/segments/" + id + "/members?size=1&page=" + secondPage.get("nextPage").asString()).body());
		assertThat(thirdPage.get("members").size()).isZero();
		assertThat(thirdPage.get("nextPage").isNull()).isTrue();

		// French OR in the list: Brian joins
		var updated = http().api("PUT", "/api/v1/segments/" + id, """
				{"name": "Francophones ou liste %s", "rules": {"type": "group", "junction": "AND", "rules": [
				   {"type": "rule", "subject": "TAG", "operator": "EQUALS", "values": ["%s"]},
				   {"type": "group", "junction": "OR", "rules": [
				     {"type": "rule", "subject": "LANGUAGE", "operator": "EQUALS", "values": ["fr"]},
				     {"type": "rule", "subject": "LIST", "operator": "IN", "values": ["l-%s", "autre"]}]}]}}
				""".formatted(this.u, this.tag, this.u));
		assertThat(updated.statusCode()).isEqualTo(200);
		assertThat(json(http().api("GET", "/api/v1/segments/" + id + "/members").body()).get("members").size())
			.isEqualTo(3);
		assertThat(http().api("GET", "/api/v1/segments").body()).contains("\"id\":\"" + id + "\"");

		assertThat(http().api("DELETE", "/api/v1/segments/" + id).statusCode()).isEqualTo(204);
		assertThat(http().api("GET", "/api/v1/segments/" + id).statusCode()).isEqualTo(404);
	}

	@Test
	void aBadRuleIsRefusedWithItsPosition() {
		var unknown = http().api("POST", "/api/v1/segments/count", """
				{"rules": {"type": "group", "rules": [
				  {"type": "rule", "subject": "TAG", "operator": "EQUALS", "values": ["x"]},
				  {"type": "group", "junction": "OR", "rules": [
				    {"type": "rule", "subject": "ATTRIBUTE", "attribute": "$where", "operator": "EQUALS", "values": ["1"]}]}]}}
				""");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(json(unknown.body()).get("detail").asString()).isEqualTo("Règle 2.1 : attribut inconnu « $where »");
		assertThat(json(unknown.body()).get("rule").asString()).isEqualTo("2.1");

		var badDate = http().api("POST", "/api/v1/segments", """
				{"name": "Mauvais", "rules": {"type": "group", "rules": [
				  {"type": "rule", "subject": "ATTRIBUTE", "attribute": "membreDepuis", "operator": "AFTER", "values": ["hier"]}]}}
				""");
		assertThat(badDate.statusCode()).isEqualTo(400);
		assertThat(json(badDate.body()).get("detail").asString())
			.isEqualTo("Règle 1 : Membre depuis : date attendue (AAAA-MM-JJ) : « hier »");
	}

	@Test
	void companyAttributesSelectTheEmployeesOfMatchingCompanies() {
		// an attribute the coordinator defined, which companies carry too
		this.attributes.save(AttributeDefinition.of("employes", "Employés", AttributeType.NUMBER));
		JsonNode count = json(http().api("POST", "/api/v1/segments/count", """
				{"rules": {"type": "group", "rules": [
				  {"type": "rule", "subject": "TAG", "operator": "EQUALS", "values": ["%s"]},
				  {"type": "rule", "subject": "COMPANY_ATTRIBUTE", "attribute": "employes", "operator": "GREATER_THAN", "values": ["100"]}]}}
				""".formatted(this.tag)).body());
		assertThat(count.get("count").asLong()).isEqualTo(1);
		assertThat(names(count.get("sample"))).containsExactly("Amélie");
	}

	@Test
	void anIssueSentToASegmentReachesExactlyItsMembersAndTheirOpensMakeThemEngaged() {
		String segment = json(http().api("POST", "/api/v1/segments", """
				{"name": "Pas anglophones %s", "rules": {"type": "group", "rules": [
				  {"type": "rule", "subject": "TAG", "operator": "EQUALS", "values": ["%s"]},
				  {"type": "group", "junction": "AND", "not": true, "rules": [
				    {"type": "rule", "subject": "LANGUAGE", "operator": "EQUALS", "values": ["en"]}]}]}}
				""".formatted(this.u, this.tag)).body()).get("id").asString();
		var created = http().api("POST", "/api/v1/issues", """
				{"title": "Pour le segment %s", "subject": "Bonjour ${firstName}", "body": "Des nouvelles.", "segment": "%s"}
				""".formatted(this.u, segment));
		assertThat(created.statusCode()).isEqualTo(201);
		String issue = json(created.body()).get("id").asString();
		assertThat(json(created.body()).get("audienceSegment").asString()).isEqualTo(segment);
		assertThat(http().api("DELETE", "/api/v1/segments/" + segment).statusCode()).as("an unsent issue targets it")
			.isEqualTo(409);

		assertThat(http().api("POST", "/api/v1/issues/" + issue + "/send").statusCode()).isEqualTo(202);
		var issues = new TestIssues(http());
		issues.awaitStatus(issue, "SENT");
		assertThat(received()).isEqualTo(Map.of("amelie." + this.u + "@segments.exemple.ca", 1L,
				"celine." + this.u + "@segments.exemple.ca", 1L));

		// Amélie opens it (the pixel, in a mail program): she is engaged, Céline is not
		String amelie = id("amelie");
		String delivery = null;
		for (JsonNode item : issues.deliveries(issue, "sent").get("items")) {
			if (item.get("subscriberId").asString().equals(amelie)) {
				delivery = item.get("id").asString();
			}
		}
		assertThat(http().getBytes("/o/" + this.tokens.issue(TokenPurpose.OPEN, delivery) + ".gif", THUNDERBIRD)
			.statusCode()).isEqualTo(200);
		String engaged = """
				{"rules": {"type": "group", "rules": [
				  {"type": "rule", "subject": "TAG", "operator": "EQUALS", "values": ["%s"]},
				  {"type": "group", "not": %s, "rules": [{"type": "rule", "subject": "ENGAGEMENT", "operator": "OPENED_ONE_OF_LAST", "values": ["1"]}]}]}}
				""";
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(names(json(http()
			.api("POST", "/api/v1/segments/count", engaged.formatted(this.tag, false))
			.body()).get("sample"))).containsExactly("Amélie"));
		assertThat(names(json(http().api("POST", "/api/v1/segments/count", engaged.formatted(this.tag, true)).body())
			.get("sample"))).as("the inactive").containsExactly("Brian", "Céline");
		Document engagement = this.mongo.findById(amelie, Document.class, Subscriber.COLLECTION)
			.get("engagement", Document.class);
		assertThat(engagement.getList("openedIssues", String.class)).containsExactly(issue);
	}

	private Map<String, Long> received() {
		Map<String, Long> received = new java.util.HashMap<>();
		for (String who : List.of("amelie", "brian", "celine", "denis", "emile")) {
			received.putAll(TestMailServer.receivedPerRecipient(who + "." + this.u + "@"));
		}
		return received;
	}

	private Subscriber subscriber(String who, String firstName, String language, Consent consent, Instant now) {
		return new Subscriber(EmailAddress.of(who + "." + this.u + "@segments.exemple.ca"), firstName, "Tremblay",
				"Entreprise " + who + " " + this.u, language, consent, now)
			.withTag(this.tag);
	}

	private String id(String who) {
		return this.subscribers.findByEmail(EmailAddress.of(who + "." + this.u + "@segments.exemple.ca"))
			.orElseThrow()
			.getId();
	}

	private static List<String> names(JsonNode members) {
		List<String> names = new ArrayList<>();
		members.forEach(member -> names.add(member.get("firstName").asString()));
		return names;
	}

	private JsonNode json(String body) {
		return new TestIssues(http()).read(body);
	}

}
