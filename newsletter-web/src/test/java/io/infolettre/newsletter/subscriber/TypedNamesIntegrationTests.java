package io.infolettre.newsletter.subscriber;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestImports;
import io.infolettre.newsletter.support.TestMailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Names and company typed with line breaks, tabs, C1 controls, line separators, runs of no-break
 * spaces and decomposed accents are stored the same, on one line and composed, whichever way they
 * come in: the admin's form (adding and editing), the API (adding and changing), the public form
 * (the request waiting for its confirmation and the confirmed subscriber) and a CSV import. (The
 * preference center changes no name.)
 */
class TypedNamesIntegrationTests extends AbstractIntegrationTests {

	/** Typed: a line break, a tab, a decomposed accent, a line separator. */
	private static final String FIRST_NAME = " Andre\u0301e\r\n\tMarie\u2028 ";

	/** Typed: decomposed accents, a C1 "next line" and a C0 bell (which the import used to refuse). */
	private static final String LAST_NAME = "Co\u0302te\u0301\u0085\u0007Tremblay";

	/** Typed: no-break spaces, a run of spaces, a paragraph separator. */
	private static final String COMPANY = "Acier\u00a0\u00a0du   Fjord\u2029inc.";

	private static final Pattern LINK = Pattern.compile("https?://\\S+/inscription/confirmer/[A-Za-z0-9_-]+");

	@Autowired
	private Subscribers subscribers;

	@Autowired
	private SubscriberManagement management;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void typedNamesAreStoredOnOneLineAndComposedWhateverTheWayIn() {
		var admin = AdminSession.login(this.port);
		assertThat(admin.submit("/admin/subscribers/new", "/admin/subscribers", "email", email("admin-ajout"),
				"firstName", FIRST_NAME, "lastName", LAST_NAME, "company", COMPANY, "language", "fr", "consentType",
				"EXPRESS", "proof", "Carte signée").statusCode()).isEqualTo(302);

		String edited = plain("admin-modif");
		String page = "/admin/subscribers/" + edited;
		assertThat(admin.submit(page, page + "/details", "firstName", FIRST_NAME, "lastName", LAST_NAME, "company",
				COMPANY, "language", "fr").statusCode()).isEqualTo(302);

		var added = http().api("POST", "/api/v1/subscribers", this.json.writeValueAsString(List.of(Map.of("email",
				email("api-ajout"), "firstName", FIRST_NAME, "lastName", LAST_NAME, "company", COMPANY))));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(200);

		String changed = plain("api-modif");
		assertThat(http().api("PUT", "/api/v1/subscribers/" + changed,
				this.json.writeValueAsString(Map.of("firstName", FIRST_NAME, "lastName", LAST_NAME, "company", COMPANY)))
			.statusCode()).isEqualTo(200);

		String file = "Courriel;Prénom;Nom;Entreprise\r\n" + email("import") + ";\"" + FIRST_NAME + "\";" + LAST_NAME + ";"
				+ COMPANY + "\r\n";
		String job = new TestImports(this.port).run("membres.csv", file.getBytes(StandardCharsets.UTF_8), null);
		assertThat(TestImports.count(job, "added")).as(job).isEqualTo(1);

		var visitor = AdminSession.visitor(this.port);
		assertThat(visitor.submit("/inscription", "/inscription", "email", email("formulaire"), "firstName", FIRST_NAME,
				"lastName", LAST_NAME, "company", COMPANY, "language", "fr", "consent", "true").statusCode())
			.isEqualTo(302);
		String link = link(awaitMessageTo(email("formulaire")));
		var pending = this.subscribers.findByEmail(EmailAddress.of(email("formulaire"))).orElseThrow();
		assertThat(pending.getStatus()).isEqualTo(SubscriberStatus.PENDING_CONFIRMATION);
		var softly = new SoftAssertions();
		expectOneLine(softly, "public form, waiting", pending);
		visitor.page(link);
		assertThat(visitor.submit(link, link).statusCode()).isEqualTo(200);

		for (String way : List.of("admin-ajout", "api-ajout", "import", "formulaire")) {
			expectOneLine(softly, way, this.subscribers.findByEmail(EmailAddress.of(email(way))).orElseThrow());
		}
		expectOneLine(softly, "admin-modif", this.subscribers.findById(edited).orElseThrow());
		expectOneLine(softly, "api-modif", this.subscribers.findById(changed).orElseThrow());
		softly.assertAll();
	}

	private static void expectOneLine(SoftAssertions softly, String way, Subscriber subscriber) {
		softly.assertThat(subscriber.getFirstName()).as(way).isEqualTo("Andr\u00e9e Marie");
		softly.assertThat(subscriber.getLastName()).as(way).isEqualTo("C\u00f4t\u00e9 Tremblay");
		softly.assertThat(subscriber.getCompany()).as(way).isEqualTo("Acier du Fjord inc.");
	}

	/** A subscriber added with plain names, to be edited. */
	private String plain(String who) {
		Instant now = Instant.now();
		return this.management.add(new Subscriber(EmailAddress.of(email(who)), "Luc", "Roy", null, "fr",
				Consent.express(Consent.Channel.ADMIN, "test", "Carte signée", null, now), now))
			.getId();
	}

	private String email(String who) {
		return who + "." + this.tag + "@noms.exemple.ca";
	}

	private static MimeMessage awaitMessageTo(String email) {
		MimeMessage[] found = new MimeMessage[1];
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			found[0] = Arrays.stream(TestMailServer.get().getReceivedMessages())
				.filter(m -> TestMailServer.recipient(m).equals(email))
				.findFirst()
				.orElse(null);
			return found[0] != null;
		});
		return found[0];
	}

	private static String link(MimeMessage message) {
		try {
			MimeMultipart parts = (MimeMultipart) message.getContent();
			for (int i = 0; i < parts.getCount(); i++) {
				if (parts.getBodyPart(i).isMimeType("text/plain")) {
					Matcher link = LINK.matcher((String) parts.getBodyPart(i).getContent());
					assertThat(link.find()).isTrue();
					return URI.create(link.group()).getRawPath();
				}
			}
			throw new AssertionError("no text/plain part");
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
