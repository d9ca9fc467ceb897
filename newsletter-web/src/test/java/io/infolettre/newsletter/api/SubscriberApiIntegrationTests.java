package io.infolettre.newsletter.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import io.infolettre.newsletter.subscriber.UnsubscribeLog;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscribers, companies and attributes over the REST API. */
class SubscriberApiIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	Subscribers subscribers;

	@Autowired
	UnsubscribeLog log;

	private final JsonMapper json = JsonMapper.builder().build();

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void aBatchRecordsTheConsentEachEntryCarries() {
		String batch = """
				[{"email":"%1$s","consent":{"type":"IMPLIED_MEMBERSHIP","source":"Registre des membres 2025",
				  "proof":"Cotisation payée le 2025-03-01","grantedAt":"2025-03-01T14:00:00Z"}},
				 {"email":"%2$s"},
				 {"email":"%3$s","consent":{"type":"EXPRESS","proof":"Futur","grantedAt":"2999-01-01T00:00:00Z"}},
				 {"email":"%4$s","attributes":{"membreDepuis":"jamais"}}]
				""".formatted(email("membre"), email("ancien"), email("futur"), email("mauvais"));
		JsonNode result = read(http().api("POST", "/api/v1/subscribers", batch).body());
		assertThat(result.get("added").asInt()).isEqualTo(2);
		assertThat(result.get("invalid").get(0).get("index").asInt()).isEqualTo(2);
		assertThat(result.get("invalid").get(0).get("reason").asString()).contains("futur");
		assertThat(result.get("invalid").get(1).get("reason").asString()).contains("Membre depuis");

		Consent implied = this.subscribers.findByEmail(EmailAddress.of(email("membre"))).orElseThrow().getConsent();
		assertThat(implied.type()).isEqualTo(Consent.Type.IMPLIED_MEMBERSHIP);
		assertThat(implied.channel()).isEqualTo(Consent.Channel.API);
		assertThat(implied.source()).isEqualTo("Registre des membres 2025");
		assertThat(implied.proof()).isEqualTo("Cotisation payée le 2025-03-01");
		assertThat(implied.expiresAt()).isEqualTo(Instant.parse("2027-03-01T14:00:00Z"));

		Consent asserted = this.subscribers.findByEmail(EmailAddress.of(email("ancien"))).orElseThrow().getConsent();
		assertThat(asserted.type()).as("an old request without consent: what the caller asserts").isEqualTo(Consent.Type.EXPRESS);
		assertThat(asserted.proof()).isEqualTo(ConsentRequest.DEFAULT_PROOF);
	}

	@Test
	void searchesAPageAtATimeThenReadsAndChangesOne() {
		List<String> members = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			members.add("{\"email\":\"%s\",\"firstName\":\"Réjean\",\"lastName\":\"Fortin\",\"company\":\"Scierie %s\",\"lists\":[\"%s\"]}"
				.formatted(email("p" + i), this.tag, this.tag));
		}
		http().api("POST", "/api/v1/subscribers", "[" + String.join(",", members) + "]");

		JsonNode first = read(http().api("GET", "/api/v1/subscribers?list=" + this.tag + "&size=5").body());
		assertThat(first.get("subscribers")).hasSize(5);
		JsonNode second = read(http()
			.api("GET", "/api/v1/subscribers?list=" + this.tag + "&size=5&after=" + first.get("next").asString())
			.body());
		assertThat(second.get("subscribers")).hasSize(2);
		assertThat(second.get("next").isNull()).isTrue();
		assertThat(read(http().api("GET", "/api/v1/subscribers?q=p3." + this.tag).body()).get("subscribers")).hasSize(1);
		assertThat(read(http().api("GET", "/api/v1/subscribers?q=rejean&list=" + this.tag + "&status=ACTIVE").body())
			.get("subscribers")).hasSize(7);

		String id = id("p0");
		JsonNode one = read(http().api("GET", "/api/v1/subscribers/" + id).body());
		assertThat(one.get("email").asString()).isEqualTo(email("p0"));
		assertThat(one.get("consent").get("type").asString()).isEqualTo("EXPRESS");

		var refused = http().api("PUT", "/api/v1/subscribers/" + id, "{\"attributes\":{\"secteur\":\"Pêche\"}}");
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(read(refused.body()).get("detail").asString()).isEqualTo("Secteur : valeur inconnue : « Pêche »");
		var taken = http().api("PUT", "/api/v1/subscribers/" + id, "{\"email\":\"" + email("p1") + "\"}");
		assertThat(taken.statusCode()).isEqualTo(400);

		var changed = http().api("PUT", "/api/v1/subscribers/" + id, """
				{"lastName":"Fortin-Gagné","language":"en","attributes":{"secteur":"transport"},"tags":["bénévole"]}""");
		assertThat(changed.statusCode()).isEqualTo(200);
		JsonNode after = read(changed.body());
		assertThat(after.get("lastName").asString()).isEqualTo("Fortin-Gagné");
		assertThat(after.get("firstName").asString()).as("left as it was").isEqualTo("Réjean");
		assertThat(after.get("language").asString()).isEqualTo("en");
		assertThat(after.get("attributes").get("secteur").asString()).isEqualTo("Transport");
		assertThat(after.get("tags").get(0).asString()).isEqualTo("bénévole");
		assertThat(http().api("GET", "/api/v1/subscribers/507f1f77bcf86cd799439011").statusCode()).isEqualTo(404);
	}

	@Test
	void listsAndUnsubscribeOnTheirBehalf() {
		http().api("POST", "/api/v1/subscribers", "[{\"email\":\"%s\",\"lists\":[\"%s\"]}]".formatted(email("l"), this.tag));
		String id = id("l");
		String other = "formations " + this.tag;
		String encoded = URLEncoder.encode(other, StandardCharsets.UTF_8).replace("+", "%20");
		assertThat(http().api("POST", "/api/v1/subscribers/" + id + "/lists/" + encoded).statusCode()).isEqualTo(200);
		JsonNode left = read(http().api("DELETE", "/api/v1/subscribers/" + id + "/lists/" + this.tag).body());
		assertThat(left.get("lists")).hasSize(1);
		assertThat(left.get("lists").get(0).asString()).isEqualTo(other);

		JsonNode done = read(http().api("POST", "/api/v1/subscribers/" + id + "/unsubscribe").body());
		assertThat(done.get("changed").asBoolean()).isTrue();
		assertThat(read(http().api("POST", "/api/v1/subscribers/" + id + "/unsubscribe").body()).get("changed").asBoolean())
			.isFalse();
		Subscriber unsubscribed = this.subscribers.findById(id).orElseThrow();
		assertThat(unsubscribed.getStatus()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(unsubscribed.getConsent().withdrawnAt()).isNotNull();
		assertThat(this.log.entriesFor(id)).singleElement()
			.satisfies(entry -> assertThat(entry.channel()).isEqualTo(UnsubscribeChannel.ADMIN));
	}

	@Test
	void companiesAndAttributes() {
		String company = "Érablière " + this.tag + "/Nord";
		http().api("POST", "/api/v1/subscribers", "[{\"email\":\"%s\",\"company\":\"%s\"}]".formatted(email("c"), company));
		JsonNode page = read(http().api("GET", "/api/v1/companies?q=erabliere+" + this.tag).body());
		assertThat(page.get("companies")).hasSize(1);
		String companyId = page.get("companies").get(0).get("id").asString();
		assertThat(companyId).isEqualTo("company:érablière " + this.tag + "/nord");

		String simple = "Fonderie " + this.tag;
		http().api("POST", "/api/v1/subscribers", "[{\"email\":\"%s\",\"company\":\"%s\"}]".formatted(email("f"), simple));
		String simplePath = "/api/v1/companies/" + URLEncoder.encode("company:fonderie " + this.tag, StandardCharsets.UTF_8)
			.replace("+", "%20");
		JsonNode fonderie = read(http().api("GET", simplePath).body());
		assertThat(fonderie.get("name").asString()).isEqualTo(simple);
		assertThat(fonderie.get("contacts").get(0).get("email").asString()).isEqualTo(email("f"));
		JsonNode changed = read(http().api("PUT", simplePath, "{\"attributes\":{\"territoire\":\"Lac-Saint-Jean-Est\"}}").body());
		assertThat(changed.get("attributes").get("territoire").asString()).isEqualTo("Lac-Saint-Jean-Est");
		assertThat(http().api("PUT", simplePath, "{\"attributes\":{\"inconnu\":\"x\"}}").statusCode()).isEqualTo(400);

		String name = "taille" + this.tag;
		var saved = http().api("PUT", "/api/v1/attributes/" + name,
				"{\"label\":\"Taille\",\"type\":\"CHOICE\",\"choices\":[\"PME\",\"Grande entreprise\"]}");
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(read(http().api("GET", "/api/v1/attributes").body()).findValuesAsString("name")).contains("secteur", name);
		assertThat(http().api("PUT", "/api/v1/attributes/secteur", "{\"type\":\"TEXT\"}").statusCode())
			.as("a built-in attribute keeps its type").isEqualTo(400);
		var typed = http().api("PUT", "/api/v1/subscribers/" + id("f"), "{\"attributes\":{\"" + name + "\":\"pme\"}}");
		assertThat(read(typed.body()).get("attributes").get(name).asString()).isEqualTo("PME");
	}

	private String id(String who) {
		return this.subscribers.findByEmail(EmailAddress.of(email(who))).orElseThrow().getId();
	}

	private JsonNode read(String body) {
		return this.json.readTree(body);
	}

	private String email(String who) {
		return who + "." + this.tag + "@api.exemple.ca";
	}

}
