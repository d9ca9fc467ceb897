package io.infolettre.newsletter.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import io.infolettre.newsletter.subscriber.Company;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestImports;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lapse of an implied consent as every place shows it: two years after the local date it was
 * given, also when that date is in daylight saving time and the lapse is not (2025-03-10 lapses on
 * 2027-03-10, not on 2027-03-09), whether it came from an import, the API or the admin.
 */
class ConsentDatesIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	Subscribers subscribers;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private final String company = "Chaudronnerie " + this.tag;

	private AdminSession admin;

	@BeforeEach
	void login() {
		this.admin = AdminSession.login(this.port);
	}

	@Test
	void aConsentOfMarch10InDaylightSavingTimeLapsesOnMarch10WhereverItIsShown() {
		String file = "Courriel;Prénom;Nom;Entreprise;Consentement;Date du consentement\r\n" + email("importe")
				+ ";Ève;Tremblay;" + this.company + ";membre;2025-03-10\r\n";
		String job = new TestImports(this.port).run("membres.csv", file.getBytes(StandardCharsets.UTF_8),
				"{\"lists\":[\"" + this.tag + "\"]}");
		assertThat(TestImports.count(job, "added")).as(job).isEqualTo(1);
		String api = """
				[{"email":"%s","company":"%s","lists":["%s"],"consent":{"type":"IMPLIED_MEMBERSHIP",
				  "proof":"Membre en règle","grantedAt":"2025-03-10T04:00:00Z"}}]""".formatted(email("api"), this.company,
				this.tag);
		assertThat(http().api("POST", "/api/v1/subscribers", api).statusCode()).isEqualTo(200);

		for (String who : new String[] { "importe", "api" }) {
			String id = id(who);
			var resource = JsonMapper.builder().build().readTree(http().api("GET", "/api/v1/subscribers/" + id).body());
			assertThat(resource.get("consent").get("expiresAt").asString()).as(who).isEqualTo("2027-03-10T05:00:00Z");
			assertThat(this.admin.page("/admin/subscribers/" + id).getElementById("consent-expires").text()).as(who)
				.isEqualTo("2027-03-10");
			assertThat(this.admin.page("/admin/subscribers/" + id + "/personal-data").text()).as(who)
				.contains("2027-03-10")
				.doesNotContain("2027-03-09");
		}
		Document companyPage = this.admin
			.page("/admin/companies/company?id=" + URLEncoder.encode(Company.idOf(this.company), StandardCharsets.UTF_8));
		assertThat(companyPage.select("tr.contact-row .contact-consent").eachText())
			.containsOnly("Tacite (membre) · jusqu’au 2027-03-10");
		assertThat(new TestImports(this.port).csv("/api/v1/subscribers.csv?list=" + this.tag, ';'))
			.extracting((CSVRecord row) -> row.get("consentement échu le"))
			.containsExactly("2027-03-10", "2027-03-10");
	}

	@Test
	void aConsentLapsingLateOnTheSixtiethDayIsAmongThoseLapsingWithinSixtyDays() {
		// given at 23:30 two years before the 60th day from today: it lapses that day at 23:30
		LocalDate sixtiethDay = LocalDate.now(Consent.ZONE).plusDays(60);
		Instant given = sixtiethDay.minusYears(2).atTime(LocalTime.of(23, 30)).atZone(Consent.ZONE).toInstant();
		String json = """
				[{"email":"%s","consent":{"type":"IMPLIED_MEMBERSHIP","proof":"Membre en règle","grantedAt":"%s"}}]"""
			.formatted(email("soixante"), given);
		assertThat(http().api("POST", "/api/v1/subscribers", json).statusCode()).isEqualTo(200);

		Document page = this.admin.page("/admin/consents");

		assertThat(page.select("#lapsing tr.consent-row[data-email=\"" + email("soixante") + "\"] .consent-expires")
			.eachText()).containsExactly(sixtiethDay.toString());
	}

	private String id(String who) {
		return this.subscribers.findByEmail(EmailAddress.of(email(who))).orElseThrow().getId();
	}

	private String email(String who) {
		return who + "." + this.tag + "@echeances.exemple.ca";
	}

}
