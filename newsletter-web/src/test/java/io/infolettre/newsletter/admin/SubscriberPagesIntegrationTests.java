package io.infolettre.newsletter.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.subscriber.Companies;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import io.infolettre.newsletter.subscriber.UnsubscribeLog;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's subscriber, company, attribute and consent pages over real HTTP, with the
 * session and CSRF tokens a browser has.
 */
class SubscriberPagesIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	Subscribers subscribers;

	@Autowired
	Companies companies;

	@Autowired
	UnsubscribeLog log;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private AdminSession admin;

	@BeforeEach
	void login() {
		this.admin = AdminSession.login(this.port);
	}

	@Test
	void searchesByFoldedNameAndPagesByKey() {
		List<String> members = new ArrayList<>();
		for (int i = 0; i < 55; i++) {
			members.add("{\"email\":\"m%d.%s@pages.exemple.ca\",\"firstName\":\"Zoé\",\"lastName\":\"Bérubé%s\",\"lists\":[\"%s\"]}"
				.formatted(i, this.tag, this.tag, this.tag));
		}
		assertThat(http().api("POST", "/api/v1/subscribers", "[" + String.join(",", members) + "]").statusCode())
			.isEqualTo(200);

		Document first = this.admin.page("/admin/subscribers?q=berube" + this.tag);
		assertThat(first.select("tr.subscriber-row")).hasSize(SubscriberAdminController.PAGE_SIZE);
		assertThat(first.selectFirst("tr.subscriber-row td:nth-child(2)").text()).isEqualTo("Zoé Bérubé" + this.tag);
		Element next = first.getElementById("next-page");
		assertThat(next).isNotNull();
		Document second = this.admin.page(next.attr("href"));
		assertThat(second.select("tr.subscriber-row")).hasSize(5);
		assertThat(second.getElementById("next-page")).isNull();
		assertThat(second.getElementById("first-page")).isNotNull();

		assertThat(this.admin.page("/admin/subscribers?list=" + this.tag + "&q=m7." + this.tag).select("tr.subscriber-row"))
			.hasSize(1);
		assertThat(this.admin.page("/admin/subscribers?q=nobody-" + this.tag).getElementById("no-subscribers")).isNotNull();
	}

	@Test
	void editsASubscriberAndRefusesAValueOfTheWrongType() {
		String id = add("ed", "Édouard", "Lavoie", "Métal " + this.tag);
		String page = "/admin/subscribers/" + id;
		assertThat(this.admin.page(page).getElementById("subscriber-email").text()).isEqualTo(email("ed"));

		var refused = this.admin.submit(page, page + "/details", "email", email("ed"), "firstName", "Édouard",
				"lastName", "Lavoie", "company", "Métal " + this.tag, "language", "fr", "attr.membreDepuis", "l’an passé");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(org.jsoup.Jsoup.parse(refused.body()).getElementById("form-error").text())
			.isEqualTo("Membre depuis : date attendue (AAAA-MM-JJ) : « l’an passé »");
		assertThat(this.subscribers.findById(id).orElseThrow().getAttributes()).doesNotContainKey("membreDepuis");

		var saved = this.admin.submit(page, page + "/details", "email", email("ed2"), "firstName", "Édouard",
				"lastName", "Lavoie-Roy", "company", "Métal " + this.tag, "language", "en", "attr.membreDepuis",
				"15/03/2019", "attr.secteur", "Génie", "trackingRefused", "on");
		assertThat(saved.statusCode()).isEqualTo(302);
		Subscriber edited = this.subscribers.findById(id).orElseThrow();
		assertThat(edited.getEmail().value()).isEqualTo(email("ed2"));
		assertThat(edited.getLastName()).isEqualTo("Lavoie-Roy");
		assertThat(edited.getLanguage()).isEqualTo("en");
		assertThat(edited.isTrackingRefused()).isTrue();
		assertThat(edited.getAttributes()).containsEntry("membreDepuis", "2019-03-15").containsEntry("secteur", "Génie");
		assertThat(this.admin.page("/admin/subscribers?q=lavoie-r").select("a.subscriber-link").eachText())
			.contains(email("ed2"));
	}

	@Test
	void removesFromAListAndUnsubscribesOnTheirBehalf() {
		String id = add("un", "Lucie", "Simard", null);
		String page = "/admin/subscribers/" + id;
		assertThat(this.admin.submit(page, page + "/lists", "list", "formations-" + this.tag).statusCode()).isEqualTo(302);
		assertThat(this.admin.submit(page, page + "/lists/remove", "list", this.tag).statusCode()).isEqualTo(302);
		assertThat(this.subscribers.findById(id).orElseThrow().getLists()).containsExactly("formations-" + this.tag);

		assertThat(this.admin.submit(page, page + "/unsubscribe").statusCode()).isEqualTo(302);
		Document after = this.admin.page(page);
		assertThat(after.getElementById("notice").text()).startsWith("Désabonné en son nom");
		assertThat(after.getElementById("subscriber-status").text()).isEqualTo("Désabonné");
		assertThat(after.getElementById("subscriber-unsubscribes").text()).contains("coordonnateur, en son nom");
		assertThat(after.getElementById("consent-withdrawn").text()).isNotEqualTo("—");
		assertThat(this.log.entriesFor(id)).singleElement()
			.satisfies(entry -> assertThat(entry.channel()).isEqualTo(UnsubscribeChannel.ADMIN));
		assertThat(after.getElementById("unsubscribe")).as("no second unsubscribe").isNull();
	}

	@Test
	void addsASubscriberWithTheConsentItHolds() {
		var added = this.admin.submit("/admin/subscribers/new", "/admin/subscribers", "email", email("new"),
				"firstName", "Annie", "lastName", "<b>Gauthier</b>", "company", "Nouvelle " + this.tag, "language", "fr",
				"lists", this.tag + ", autre-" + this.tag, "consentType", "EXPRESS", "source", "Salon 2026",
				"proof", "Carte signée « Oui, je veux l’infolettre »");
		assertThat(added.statusCode()).isEqualTo(302);
		Subscriber subscriber = this.subscribers.findByEmail(EmailAddress.of(email("new"))).orElseThrow();
		assertThat(subscriber.getConsent().proof()).isEqualTo("Carte signée « Oui, je veux l’infolettre »");
		assertThat(subscriber.getLists()).containsExactlyInAnyOrder(this.tag, "autre-" + this.tag);
		assertThat(this.companies.findByName("Nouvelle " + this.tag)).as("its company was created").isPresent();

		var page = this.admin.get("/admin/subscribers/" + subscriber.getId()).body();
		assertThat(page).as("subscriber-supplied text is escaped").contains("&lt;b&gt;Gauthier&lt;/b&gt;")
			.doesNotContain("<b>Gauthier</b>");

		var again = this.admin.submit("/admin/subscribers/new", "/admin/subscribers", "email", email("new"),
				"consentType", "EXPRESS", "proof", "x");
		assertThat(again.statusCode()).isEqualTo(422);
		assertThat(again.body()).contains("déjà abonnée");
	}

	@Test
	void aCompanyPageShowsWhoReceivesWhatAndKeepsItsAttributes() {
		String company = "Aluminerie " + this.tag + " & Fils";
		add("a1", "Paul", "Roy", company);
		String second = add("a2", "Julie", "Roy", company);
		this.admin.submit("/admin/subscribers/" + second, "/admin/subscribers/" + second + "/unsubscribe");

		Document list = this.admin.page("/admin/companies?q=aluminerie+" + this.tag);
		Element link = list.selectFirst("a.company-link");
		assertThat(link.text()).isEqualTo(company);
		Document page = this.admin.page(link.attr("href"));
		assertThat(page.getElementById("company-name").text()).isEqualTo(company);
		assertThat(page.select("tr.contact-row")).hasSize(2);
		Element julie = page.selectFirst("tr.contact-row[data-email=" + email("a2") + "]");
		assertThat(julie.selectFirst(".contact-status").text()).isEqualTo("Désabonné");
		assertThat(julie.selectFirst(".contact-lists").text()).isEqualTo(this.tag);
		assertThat(julie.selectFirst(".contact-consent").text()).contains("retiré");

		String action = page.getElementById("company-form").attr("action");
		var saved = this.admin.submit(link.attr("href"), action, "attr.secteur", "Transport", "attr.parc",
				"Parc industriel de Jonquière");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.companies.findByName(company).orElseThrow().attributes()).containsEntry("secteur", "Transport")
			.containsEntry("parc", "Parc industriel de Jonquière");
		var refused = this.admin.submit(link.attr("href"), action, "attr.membreDepuis", "bientôt");
		assertThat(refused.statusCode()).isEqualTo(422);
	}

	@Test
	void definesACustomAttributeThenUsesIt() {
		String name = "effectif" + this.tag;
		var saved = this.admin.submit("/admin/attributes", "/admin/attributes", "name", name, "label", "Effectif",
				"type", "NUMBER");
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(this.admin.page("/admin/attributes").selectFirst("tr[data-name=" + name + "]").text()).contains("Nombre");
		var refused = this.admin.submit("/admin/attributes", "/admin/attributes", "name", "taille" + this.tag, "type",
				"CHOICE", "choices", "");
		assertThat(refused.statusCode()).isEqualTo(422);

		String id = add("attr", "Nadia", "Bouchard", null);
		String page = "/admin/subscribers/" + id;
		var wrong = this.admin.submit(page, page + "/details", "firstName", "Nadia", "language", "fr", "attr." + name,
				"beaucoup");
		assertThat(wrong.statusCode()).isEqualTo(422);
		this.admin.submit(page, page + "/details", "firstName", "Nadia", "language", "fr", "attr." + name, "1 250");
		assertThat(this.subscribers.findById(id).orElseThrow().getAttributes()).containsEntry(name, 1250L);
		assertThat(this.admin.page("/admin/subscribers?attribute=" + name + "&value=1250").select("a.subscriber-link").eachText())
			.containsExactly(email("attr"));
	}

	@Test
	void listsConsentsLapsingWithin60DaysAndRenewsThem() {
		Instant now = Instant.now();
		String company = "Forage " + this.tag;
		String soon = addWithConsent("soon", company, now.minus(Duration.ofDays(730 - 30)));
		String lapsed = addWithConsent("lapsed", company, now.minus(Duration.ofDays(740)));
		addWithConsent("later", company, now.minus(Duration.ofDays(30)));

		Document page = this.admin.page("/admin/consents");
		assertThat(page.select("#lapsing tr.consent-row").eachAttr("data-email")).contains(email("soon"))
			.doesNotContain(email("later"), email("lapsed"));
		assertThat(page.select("#lapsed tr.consent-row").eachAttr("data-email")).contains(email("lapsed"));

		assertThat(this.admin.submit("/admin/consents", "/admin/consents/renew", "id", soon).statusCode()).isEqualTo(302);
		assertThat(this.subscribers.findById(soon).orElseThrow().getConsent().expiresAt())
			.isAfter(now.plus(Duration.ofDays(700)));
		assertThat(this.subscribers.findById(lapsed).orElseThrow().mayReceiveAt(now)).isFalse();

		assertThat(this.admin.submit("/admin/consents", "/admin/consents/renew-company", "company", company).statusCode())
			.isEqualTo(302);
		assertThat(this.admin.page("/admin/consents").getElementById("notice").text())
			.isEqualTo("Consentements tacites renouvelés : 3.");
		assertThat(this.subscribers.findById(lapsed).orElseThrow().mayReceiveAt(now)).as("renewed with its company").isTrue();
		assertThat(this.admin.page("/admin/consents").select("tr.consent-row").eachAttr("data-email"))
			.doesNotContain(email("soon"), email("lapsed"));
	}

	@Test
	void theEnglishPagesSpeakEnglish() {
		String id = add("en", "Kim", "Lee", null);
		assertThat(this.admin.page("/admin/subscribers?lang=en").selectFirst("h1").text()).isEqualTo("Subscribers");
		assertThat(this.admin.page("/admin/subscribers/" + id + "?lang=en").getElementById("unsubscribe").text())
			.isEqualTo("Unsubscribe on their behalf");
		assertThat(this.admin.page("/admin/companies?lang=en").selectFirst("h1").text()).isEqualTo("Companies");
		assertThat(this.admin.page("/admin/consents?lang=en").selectFirst("h1").text()).isEqualTo("Consents to renew");
		assertThat(this.admin.page("/admin/subscribers?lang=fr").selectFirst("h1").text()).isEqualTo("Abonnés");
	}

	@Test
	void anUnknownSubscriberIsNotFound() {
		assertThat(this.admin.get("/admin/subscribers/507f1f77bcf86cd799439011").statusCode()).isEqualTo(404);
		assertThat(this.admin.get("/admin/companies/company?id=company:nulle-part-" + this.tag).statusCode()).isEqualTo(404);
	}

	private String add(String who, String firstName, String lastName, String company) {
		String json = "[{\"email\":\"%s\",\"firstName\":\"%s\",\"lastName\":\"%s\",%s\"lists\":[\"%s\"]}]".formatted(email(who),
				firstName, lastName, company == null ? "" : "\"company\":\"" + company + "\",", this.tag);
		assertThat(http().api("POST", "/api/v1/subscribers", json).statusCode()).isEqualTo(200);
		Subscriber subscriber = this.subscribers.findByEmail(EmailAddress.of(email(who))).orElseThrow();
		assertThat(subscriber.getStatus()).isEqualTo(SubscriberStatus.ACTIVE);
		return subscriber.getId();
	}

	private String addWithConsent(String who, String company, Instant grantedAt) {
		String json = """
				[{"email":"%s","company":"%s","consent":{"type":"IMPLIED_MEMBERSHIP","source":"Liste des membres %s",
				  "proof":"Membre en règle","grantedAt":"%s"}}]""".formatted(email(who), company, LocalDate.now().getYear(),
				grantedAt);
		assertThat(http().api("POST", "/api/v1/subscribers", json).statusCode()).isEqualTo(200);
		return this.subscribers.findByEmail(EmailAddress.of(email(who))).orElseThrow().getId();
	}

	private String email(String who) {
		return who + "." + this.tag + "@membres.exemple.ca";
	}

}
