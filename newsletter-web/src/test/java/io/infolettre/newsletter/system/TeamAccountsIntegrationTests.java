package io.infolettre.newsletter.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.PersonStatus;
import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TeamMails;
import io.infolettre.newsletter.support.TestPeople;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The accounts of the team over real HTTP, with the emails through the real SMTP server: an
 * invitation from the team page, its link (single use, 72 hours, signed), the password policy, the
 * password reset (same answer for any address), and sessions that end or change with their person.
 */
class TeamAccountsIntegrationTests extends AbstractIntegrationTests {

	private static final String STRONG = "Trois chevaux bleus sur la glace";

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private People people;

	@Autowired
	private TestPeople testPeople;

	@Autowired
	private TrackingTokens tokens;

	private String address(String name) {
		return name + "-" + this.tag + "@equipe.exemple.ca";
	}

	private String invite(AdminSession admin, String email, String name, Role role) {
		var answer = admin.submit("/admin/people", "/admin/people", "email", email, "name", name, "role", role.name());
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(admin.page("/admin/people").select("#notice").text()).isEqualTo("Invitation envoyée à " + email + ".");
		MimeMessage message = TeamMails.awaitMessage(email, "Invitation à rejoindre l’équipe");
		return TeamMails.linkPath(message);
	}

	private static String form(String... fields) {
		var body = new StringBuilder();
		for (int i = 0; i < fields.length; i += 2) {
			body.append(i == 0 ? "" : "&").append(fields[i]).append('=')
				.append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString();
	}

	private static java.net.http.HttpResponse<String> choose(AdminSession visitor, String link, String password,
			String confirmation) {
		return visitor.submit(link, link, "password", password, "confirmation", confirmation);
	}

	@Test
	void anInvitationArrivesBySmtpAndItsLinkLetsThePersonChooseAPasswordAndLogIn() throws Exception {
		var admin = AdminSession.login(this.port);
		String email = address("marie");

		String link = invite(admin, email, "Marie Tremblay", Role.COORDINATOR);

		MimeMessage message = TeamMails.awaitMessage(email, "Invitation");
		String text = TeamMails.part(message, "text/plain");
		assertThat(text).startsWith("Bonjour Marie Tremblay,")
			.contains("vous invite à rejoindre l’équipe", "avec le rôle « Coordination »", "ne sert qu’une fois");
		assertThat(message.getHeader("List-Unsubscribe")).as("a transactional message").isNull();
		assertThat(link).startsWith("/invitation/");
		Person invited = this.people.findByLogin(email).orElseThrow();
		assertThat(invited.status()).isEqualTo(PersonStatus.INVITED);
		assertThat(link).doesNotContain(invited.id());
		assertThat(admin.page("/admin/people").select("tr[data-login=" + email + "]").attr("data-status"))
			.isEqualTo("INVITED");

		var visitor = AdminSession.visitor(this.port);
		Document page = visitor.page(link);
		assertThat(page.select("h1").text()).isEqualTo("Bienvenue dans l’équipe");
		assertThat(page.text()).contains("avec le rôle « Coordination »");
		var chosen = choose(visitor, link, STRONG, STRONG);

		assertThat(chosen.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(chosen.body()).select("#password-set").text()).contains("Votre compte est actif");
		assertThat(this.people.findByLogin(email).orElseThrow().status()).isEqualTo(PersonStatus.ACTIVE);
		var marie = AdminSession.login(this.port, email.toUpperCase(), STRONG);
		assertThat(marie.page("/admin/account").select("#account-role").text()).isEqualTo("Coordination");
		assertThat(marie.page("/admin/issues").select("#nav-people")).as("a coordinator does not manage the team").isEmpty();
		assertThat(this.people.findByLogin(email).orElseThrow().lastLoginAt()).isNotNull();
	}

	@Test
	void aWeakAndACommonPasswordAreRefusedWithEveryReasonInFrench() {
		var admin = AdminSession.login(this.port);
		String email = address("paul");
		String link = invite(admin, email, "Paul Gagnon", Role.READER);
		var visitor = AdminSession.visitor(this.port);

		var weak = choose(visitor, link, "gagnon", "gagnon2");
		var common = choose(visitor, link, "unbelievable", "unbelievable");
		var withAdditions = choose(visitor, link, "Password2024!", "Password2024!");

		assertThat(weak.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(weak.body()).select("#password-problems li").eachText()).containsExactly(
				"Il doit compter au moins 12 caractères.", "Il contient votre nom.",
				"Les deux saisies du mot de passe ne sont pas identiques.");
		assertThat(Jsoup.parse(common.body()).select("#password-problems li").eachText())
			.containsExactly("Il fait partie des mots de passe les plus répandus, que l’on essaie en premier.");
		assertThat(Jsoup.parse(withAdditions.body()).select("#password-problems li").eachText())
			.containsExactly("C’est un mot de passe très répandu, à peine allongé de chiffres ou de symboles.");
		assertThat(this.people.findByLogin(email).orElseThrow().status()).as("still waiting")
			.isEqualTo(PersonStatus.INVITED);
	}

	@Test
	void anInvitationLinkReusedTamperedExpiredOrReplacedIsRefusedInFrench() {
		var admin = AdminSession.login(this.port);
		String email = address("luc");
		String link = invite(admin, email, "Luc", Role.READER);
		assertThat(link).as("the page in the language of the email").endsWith("?lang=fr");
		String token = link.substring("/invitation/".length(), link.indexOf('?'));
		var visitor = AdminSession.visitor(this.port);

		char last = token.charAt(token.length() - 1);
		String tampered = "/invitation/" + token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');
		var grant = this.tokens.verifyExpiring(TokenPurpose.JOIN_TEAM, token).orElseThrow();
		String expired = "/invitation/"
				+ this.tokens.issueExpiring(TokenPurpose.JOIN_TEAM, grant.id(), Instant.now().minusSeconds(1));

		var tamperedPage = visitor.get(tampered);
		assertThat(tamperedPage.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(tamperedPage.body()).select("#link-refused h1").text()).isEqualTo("Lien invalide");
		var expiredPage = visitor.get(expired);
		assertThat(expiredPage.statusCode()).isEqualTo(410);
		assertThat(Jsoup.parse(expiredPage.body()).select("#link-refused").text())
			.contains("Lien expiré", "Cette invitation a expiré (elle était valide 72 heures).");

		String person = this.people.findByLogin(email).orElseThrow().id();
		admin.submit("/admin/people", "/admin/people/" + person + "/invitation");
		String renewed = TeamMails.linkPath(TeamMails.awaitMessages(email, "Invitation", 2));
		assertThat(renewed).isNotEqualTo(link);
		var replaced = visitor.get(link);
		assertThat(replaced.statusCode()).isEqualTo(410);
		assertThat(Jsoup.parse(replaced.body()).select("#link-refused h1").text()).isEqualTo("Lien déjà utilisé");

		assertThat(choose(visitor, renewed, STRONG, STRONG).statusCode()).isEqualTo(200);
		var reused = visitor.get(renewed);
		assertThat(reused.statusCode()).isEqualTo(410);
		assertThat(Jsoup.parse(reused.body()).select("#link-refused").text()).contains("Cette invitation a déjà servi");
		// the form of the page before, sent again (the CSRF token is the session's)
		assertThat(visitor.submit("/login", renewed, "password", "Une autre phrase de passe", "confirmation",
				"Une autre phrase de passe").statusCode())
			.as("posting it again").isEqualTo(410);
		AdminSession.login(this.port, email, STRONG);
	}

	@Test
	void aPasswordResetAnswersTheSameForAnyAddressAndItsLinkWorksOnceAndEndsOtherSessions() {
		var person = this.testPeople.create(Role.APPROVER);
		var oldSession = AdminSession.login(this.port, person);
		var visitor = AdminSession.visitor(this.port);
		assertThat(visitor.page("/login").select("#forgot-password").attr("href")).isEqualTo("/mot-de-passe-oublie");

		var known = visitor.submit("/mot-de-passe-oublie", "/mot-de-passe-oublie", "email", person.login().toUpperCase());
		var unknown = visitor.submit("/mot-de-passe-oublie", "/mot-de-passe-oublie", "email", address("inconnu"));

		assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(known.body()).select("main").text())
			.isEqualTo(Jsoup.parse(unknown.body()).select("main").text())
			.contains("Si cette adresse est celle d’un compte actif");
		MimeMessage message = TeamMails.awaitMessage(person.login(), "Réinitialisation de votre mot de passe");
		assertThat(TeamMails.part(message, "text/plain")).contains("valide jusqu’au", "ne sert qu’une fois");
		String link = TeamMails.linkPath(message);
		assertThat(link).startsWith("/mot-de-passe/");

		var weak = choose(visitor, link, "approbation", "approbation");
		assertThat(Jsoup.parse(weak.body()).select("#password-problems li").eachText())
			.contains("Il doit compter au moins 12 caractères.");
		assertThat(choose(visitor, link, STRONG, STRONG).statusCode()).isEqualTo(200);

		assertThat(visitor.get(link).statusCode()).as("used").isEqualTo(410);
		var ended = oldSession.get("/admin/issues");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));
		AdminSession.login(this.port, person.login(), STRONG);
		assertThat(AdminSession.visitor(this.port).submit("/login", "/login", "username", person.login(), "password",
				person.password()).headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
		assertThat(TeamMails.count(address("inconnu"))).as("nothing to an unknown address").isZero();
	}

	@Test
	void aDeactivatedPersonsSessionEndsAtItsNextRequestAndTheyCanNoLongerLogIn() {
		var admin = AdminSession.login(this.port);
		var person = this.testPeople.create(Role.COORDINATOR);
		var session = AdminSession.login(this.port, person);
		assertThat(session.get("/admin/issues").statusCode()).isEqualTo(200);

		var answer = admin.submit("/admin/people", "/admin/people/" + person.personId() + "/deactivate");

		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(admin.page("/admin/people").select("tr[data-person=" + person.personId() + "]").attr("data-status"))
			.isEqualTo("DEACTIVATED");
		var next = session.get("/admin/issues");
		assertThat(next.statusCode()).isEqualTo(302);
		assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));
		assertThat(session.get("/admin/issues").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		var again = AdminSession.visitor(this.port).submit("/login", "/login", "username", person.login(), "password",
				person.password());
		assertThat(again.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?error"));

		admin.submit("/admin/people", "/admin/people/" + person.personId() + "/reactivate");
		AdminSession.login(this.port, person);
	}

	@Test
	void aRoleChangeAppliesAtThePersonsNextRequest() {
		var admin = AdminSession.login(this.port);
		var person = this.testPeople.create(Role.READER);
		var session = AdminSession.login(this.port, person);
		assertThat(session.get("/admin/people").statusCode()).isEqualTo(403);

		admin.submit("/admin/people", "/admin/people/" + person.personId() + "/role", "role", "ADMIN");

		assertThat(session.get("/admin/people").statusCode()).isEqualTo(200);
		assertThat(session.page("/admin/account").select("#account-role").text()).isEqualTo("Administrateur");
	}

	@Test
	void nobodyDeactivatesOrDemotesThemselvesAndTheTeamPageSaysWhy() {
		var person = this.testPeople.create(Role.ADMIN);
		var session = AdminSession.login(this.port, person);

		session.submit("/admin/people", "/admin/people/" + person.personId() + "/deactivate");
		assertThat(session.page("/admin/people").select("#problem").text())
			.isEqualTo("Vous ne pouvez pas désactiver votre propre compte.");
		session.submit("/admin/people", "/admin/people/" + person.personId() + "/role", "role", "READER");
		assertThat(session.page("/admin/people").select("#problem").text()).startsWith("Vous ne pouvez pas changer votre propre rôle");
		assertThat(this.people.find(person.personId()).orElseThrow().isActiveAdministrator()).isTrue();
	}

	@Test
	void myAccountChangesTheNameAndThePasswordWithTheCurrentOneAndKeepsThisSession() {
		var person = this.testPeople.create(Role.READER);
		var session = AdminSession.login(this.port, person);
		var other = AdminSession.login(this.port, person);

		var wrong = session.submit("/admin/account", "/admin/account/password", "currentPassword", "pas le bon",
				"password", STRONG, "confirmation", STRONG);
		assertThat(wrong.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(wrong.body()).select("#password-problems li").eachText())
			.containsExactly("Le mot de passe actuel est incorrect.");
		var changed = session.submit("/admin/account", "/admin/account/password", "currentPassword", person.password(),
				"password", STRONG, "confirmation", STRONG);
		assertThat(changed.statusCode()).isEqualTo(302);
		session.submit("/admin/account", "/admin/account/profile", "name", "Lise Lecture", "email", person.login());

		assertThat(session.page("/admin/account").select("#notice").text()).isEqualTo("Nom et adresse enregistrés.");
		assertThat(session.page("/admin/account").select("#name").val()).isEqualTo("Lise Lecture");
		assertThat(other.get("/admin/account").headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/login?ended"));
		AdminSession.login(this.port, person.login(), STRONG);
	}

}
