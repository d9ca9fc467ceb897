package io.infolettre.newsletter.recipient;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestMailServer;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public subscription form and its double opt-in, through a real SMTP server: the form, the
 * confirmation email, its link, the express consent with its proof; the same answer whatever the
 * address; the rate limit; an expired link.
 */
class SubscriptionIntegrationTests extends AbstractIntegrationTests {

	private static final Pattern LINK = Pattern.compile("https?://\\S+/inscription/confirmer/[A-Za-z0-9_-]+");

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private Subscribers subscribers;

	@Autowired
	private SubscriberManagement management;

	@Autowired
	private SubscriptionRateLimiter limiter;

	@Autowired
	private TrackingTokens tokens;

	@BeforeEach
	void fullBuckets() {
		this.limiter.reset();
	}

	private String address(String name) {
		return name + "-" + this.tag + "@inscription.exemple.ca";
	}

	private java.net.http.HttpResponse<String> subscribe(AdminSession visitor, String email, String language) {
		return visitor.submit("/inscription", "/inscription", "email", email, "firstName", "Zoé", "lastName",
				"Bélanger", "company", "Métallurgie du Fjord", "language", language, "lists", "infolettre", "lists",
				"pas-publique", "consent", "true");
	}

	private MimeMessage awaitMessageTo(String email) {
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

	private static String part(MimeMessage message, String type) throws Exception {
		MimeMultipart multipart = (MimeMultipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.isMimeType(type)) {
				return (String) part.getContent();
			}
		}
		throw new AssertionError("no " + type + " part");
	}

	private static String link(String text) {
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).as(text).isTrue();
		return URI.create(link.group()).getRawPath();
	}

	@Test
	void subscribingSendsAConfirmationWhoseLinkActivatesTheSubscriberWithExpressConsentAndItsProof() throws Exception {
		var visitor = AdminSession.visitor(this.port);
		assertThat(visitor.page("/inscription").select("#consent-text").text()).contains("J’accepte de recevoir");
		Instant before = Instant.now();

		var answer = subscribe(visitor, address("zoe"), "fr");

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/inscription/merci"));
		MimeMessage message = awaitMessageTo(address("zoe"));
		assertThat(message.getSubject()).startsWith("Confirmez votre inscription à l’infolettre de ");
		assertThat(message.getHeader("List-Unsubscribe")).as("a transactional message").isNull();
		String text = part(message, "text/plain");
		assertThat(text.lines().findFirst()).as("the opening line").hasValue("Bonjour,");
		assertThat(part(message, "text/html")).contains("Confirmer mon inscription");
		Subscriber pending = this.subscribers.findByEmail(EmailAddress.of(address("zoe"))).orElseThrow();
		assertThat(pending.getStatus()).isEqualTo(SubscriberStatus.PENDING_CONFIRMATION);
		assertThat(pending.getConsent()).isNull();
		assertThat(pending.mayReceiveAt(Instant.now())).isFalse();

		String link = link(text);
		assertThat(link).doesNotContain(pending.getId());
		var page = visitor.page(link);
		assertThat(this.subscribers.findByEmail(EmailAddress.of(address("zoe"))).orElseThrow().getStatus())
			.as("following the link confirms nothing by itself (link scanners)")
			.isEqualTo(SubscriberStatus.PENDING_CONFIRMATION);
		assertThat(page.select("#confirm-subscription")).hasSize(1);
		var confirmed = visitor.submit(link, link);
		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("Inscription confirmée");

		Subscriber active = this.subscribers.findByEmail(EmailAddress.of(address("zoe"))).orElseThrow();
		assertThat(active.getStatus()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(active.getFullName()).isEqualTo("Zoé Bélanger");
		assertThat(active.getCompany()).isEqualTo("Métallurgie du Fjord");
		assertThat(active.getLists()).as("only the public lists").containsExactly("infolettre");
		Consent consent = active.getConsent();
		assertThat(consent.type()).isEqualTo(Consent.Type.EXPRESS);
		assertThat(consent.channel()).isEqualTo(Consent.Channel.FORM);
		assertThat(consent.expiresAt()).isNull();
		assertThat(consent.proof()).startsWith("J’accepte de recevoir par courriel l’infolettre de ");
		assertThat(consent.ipAddress()).isEqualTo("127.0.0.1");
		assertThat(consent.source()).contains("demandé le ").contains(", confirmé le ").contains("depuis 127.0.0.1");
		assertThat(consent.grantedAt()).isAfter(before);
		assertThat(active.mayReceiveAt(Instant.now())).isTrue();

		var again = visitor.submit(link, link);
		assertThat(again.statusCode()).as("confirming twice is harmless").isEqualTo(200);
		assertThat(this.subscribers.findByEmail(EmailAddress.of(address("zoe"))).orElseThrow().getConsent())
			.isEqualTo(consent);
	}

	@Test
	void theAnswerIsTheSameWhetherTheAddressIsNewOrAlreadySubscribed() throws Exception {
		Instant now = Instant.now();
		this.management.addAll(List.of(new Subscriber(EmailAddress.of(address("deja")), "Déjà", "Là", null, "fr",
				Consent.implied(Consent.Type.IMPLIED_MEMBERSHIP, Consent.Channel.IMPORT, "membres.csv, ligne 2",
						"membre", now),
				now)));

		var known = subscribe(AdminSession.visitor(this.port), address("deja"), "fr");
		var fresh = subscribe(AdminSession.visitor(this.port), address("nouveau"), "fr");

		assertThat(known.statusCode()).isEqualTo(fresh.statusCode());
		assertThat(known.headers().firstValue("Location")).isEqualTo(fresh.headers().firstValue("Location"));
		assertThat(known.body()).isEqualTo(fresh.body());
		// the member already on the list gets the same harmless confirmation: confirming records express consent
		String link = link(part(awaitMessageTo(address("deja")), "text/plain"));
		awaitMessageTo(address("nouveau"));
		var visitor = AdminSession.visitor(this.port);
		visitor.page(link);
		visitor.submit(link, link);
		Subscriber upgraded = this.subscribers.findByEmail(EmailAddress.of(address("deja"))).orElseThrow();
		assertThat(upgraded.getConsent().type()).isEqualTo(Consent.Type.EXPRESS);
		assertThat(upgraded.getFirstName()).as("what the visitor typed replaces nothing").isEqualTo("Déjà");
	}

	@Test
	void confirmingWithAMembersAddressAddsListsAndConsentAndChangesNothingElse() throws Exception {
		Instant now = Instant.now();
		var member = new Subscriber(EmailAddress.of(address("membre")), "Réjeanne", "Fortin", "Scierie Fortin", "fr",
				Consent.implied(Consent.Type.IMPLIED_MEMBERSHIP, Consent.Channel.IMPORT, "membres.csv, ligne 7", "membre",
						now),
				now)
			.addToList("membres");
		this.management.addAll(List.of(member));
		String id = this.subscribers.findByEmail(EmailAddress.of(address("membre"))).orElseThrow().getId();
		this.management.recordHardBounce(id, 3);

		var visitor = AdminSession.visitor(this.port);
		visitor.submit("/inscription", "/inscription", "email", address("membre"), "firstName", "Pirate", "lastName",
				"Usurpateur", "company", "Arnaques inc.", "language", "en", "lists", "infolettre", "consent", "true");
		String link = link(part(awaitMessageTo(address("membre")), "text/plain"));
		visitor.page(link);
		assertThat(visitor.submit(link, link).statusCode()).isEqualTo(200);

		Subscriber confirmed = this.subscribers.findById(id).orElseThrow();
		assertThat(confirmed.getFirstName()).isEqualTo("Réjeanne");
		assertThat(confirmed.getLastName()).isEqualTo("Fortin");
		assertThat(confirmed.getCompany()).isEqualTo("Scierie Fortin");
		assertThat(confirmed.getLanguage()).isEqualTo("fr");
		assertThat(confirmed.getLists()).containsExactlyInAnyOrder("membres", "infolettre");
		assertThat(confirmed.getConsent().type()).isEqualTo(Consent.Type.EXPRESS);
		assertThat(confirmed.getConsent().channel()).isEqualTo(Consent.Channel.FORM);
		assertThat(confirmed.getStatus()).isEqualTo(SubscriberStatus.ACTIVE);
		assertThat(confirmed.getHardBounces()).as("the link reached the mailbox").isZero();
		assertThat(confirmed.searchKeys().names()).contains("rejeanne fortin").doesNotContain("pirate");
	}

	@Test
	void theConfirmationEmailCarriesNothingTheVisitorTyped() throws Exception {
		var visitor = AdminSession.visitor(this.port);
		visitor.submit("/inscription", "/inscription", "email", address("cible"), "firstName",
				"Vous avez gagné 1 000 $ ! Réclamez-les sur http://arnaque.exemple.com", "lastName", "Appelez le 555-0199",
				"company", "Banque\r\nBcc: victime@exemple.ca", "language", "fr", "consent", "true");

		MimeMessage message = awaitMessageTo(address("cible"));

		String text = part(message, "text/plain");
		String html = part(message, "text/html");
		List<String> lines = text.lines().toList();
		assertThat(lines.get(0)).as("the opening line").isEqualTo("Bonjour,");
		assertThat(lines.get(2)).startsWith("Vous avez demandé à recevoir l’infolettre de ");
		for (String typed : List.of("gagné", "arnaque", "555-0199", "Banque", "victime")) {
			assertThat(text).doesNotContain(typed);
			assertThat(html).doesNotContain(typed);
			assertThat(message.getSubject()).doesNotContain(typed);
		}
		assertThat(message.getHeader("Bcc")).isNull();
		assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly(address("cible"));
	}

	@Test
	void anAddressGetsThreeConfirmationEmailsADayAndFurtherRequestsAreAnsweredAlikeAndSendNothing() throws Exception {
		var visitor = AdminSession.visitor(this.port);
		List<java.net.http.HttpResponse<String>> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			answers.add(subscribe(visitor, address("inondee"), "fr"));
		}
		// requests are handled in order: once this one's email is in, the four before it were handled
		subscribe(visitor, address("temoin"), "fr");
		awaitMessageTo(address("temoin"));

		assertThat(answers).extracting(java.net.http.HttpResponse::statusCode).containsOnly(302);
		assertThat(answers).extracting(answer -> answer.headers().firstValue("Location"))
			.containsOnly(answers.get(0).headers().firstValue("Location"));
		assertThat(TestMailServer.receivedPerRecipient(address("inondee"))).containsExactly(
				java.util.Map.entry(address("inondee"), 3L));
	}

	@Test
	void theFormIsRateLimitedPerClient() {
		var visitor = AdminSession.visitor(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(subscribe(visitor, address("rafale" + i), "fr").statusCode()).isEqualTo(302);
		}

		var limited = subscribe(visitor, address("rafale-de-trop"), "fr");

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.body()).contains("Trop de demandes");
		assertThat(limited.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void anExpiredLinkSaysSoAndOffersToSubscribeAgainAndAForgedOneIsUnknown() {
		String token = this.tokens.issueExpiring(TokenPurpose.CONFIRM_SUBSCRIPTION, "0123456789abcdef0123456789abcdef",
				Instant.now().minusSeconds(60));

		var response = AdminSession.visitor(this.port).get("/inscription/confirmer/" + token);
		var page = Jsoup.parse(response.body());

		assertThat(response.statusCode()).isEqualTo(410);
		assertThat(page.select("#subscription-expired").text()).isEqualTo("Lien expiré");
		assertThat(page.select("a[href^=/inscription]")).hasSize(1);
		String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
		assertThat(AdminSession.visitor(this.port).get("/inscription/confirmer/" + forged).statusCode()).isEqualTo(404);
	}

	@Test
	void theFormAndTheEmailSpeakEnglishOnRequest() throws Exception {
		var visitor = AdminSession.visitor(this.port);
		assertThat(visitor.page("/inscription?lang=en").select("h1").text()).isEqualTo("Subscribe to the newsletter");

		subscribe(visitor, address("english"), "en");

		MimeMessage message = awaitMessageTo(address("english"));
		assertThat(message.getSubject()).startsWith("Confirm your subscription to the newsletter of ");
		assertThat(part(message, "text/plain").lines().findFirst()).hasValue("Hello,");
	}

	@Test
	void anInvalidAddressOrAMissingConsentShowsTheFormAgain() {
		var visitor = AdminSession.visitor(this.port);

		var invalid = visitor.submit("/inscription", "/inscription", "email", "pas-une-adresse", "consent", "true");
		var noConsent = visitor.submit("/inscription", "/inscription", "email", address("sans"));

		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("Cette adresse courriel n’est pas valide.");
		assertThat(noConsent.body()).contains("Cochez la case du consentement");
	}

}
