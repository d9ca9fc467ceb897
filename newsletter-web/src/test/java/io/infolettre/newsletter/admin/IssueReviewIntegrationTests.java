package io.infolettre.newsletter.admin;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.people.TeamSettings;
import io.infolettre.newsletter.people.TeamSettingsStore;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.support.TestMailServer;
import io.infolettre.newsletter.support.TestPeople;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * « Approbation » over real HTTP, with the team's setting on: a coordinator submits, an approver sends
 * it back with a comment, the coordinator edits and resubmits, the approver reads the diff and approves
 * and schedules at the wished time; the author cannot approve their own; an edit after approval goes
 * back to review; each step's email arrives at the SMTP server. The setting is restored after each test
 * (off by default: the other tests schedule and send without approval).
 */
class IssueReviewIntegrationTests extends AbstractIntegrationTests {

	private final String list = "review-" + UUID.randomUUID().toString().substring(0, 8);

	private final LocalDate wishedDate = LocalDate.now(SendTime.QUEBEC).plusDays(3);

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	private TeamSettingsStore settings;

	@Autowired
	private TestPeople people;

	private TeamSettings before;

	@BeforeEach
	void requireApproval() {
		this.before = this.settings.current();
		this.settings.save(new TeamSettings(true, this.before.secondFactorRequiredForAdmins(),
				this.before.passwordApiAccess()));
	}

	@AfterEach
	void restoreSettings() {
		this.settings.save(this.before);
	}

	@Test
	void aCoordinatorSubmitsAnApproverSendsBackThenApprovesAndSchedulesAtTheWishedTime() {
		var coordinatorLogin = this.people.create(Role.COORDINATOR);
		var approverLogin = this.people.create(Role.APPROVER);
		String id = draft();
		String page = "/admin/issues/" + id;
		String title = title(id);
		var coordinator = AdminSession.login(this.port, coordinatorLogin);
		var approver = AdminSession.login(this.port, approverLogin);

		edit(coordinator, id, "Premier objet");
		assertThat(coordinator.page(page).getElementById("review-state").text()).isEqualTo("Brouillon");
		var submitted = coordinator.submit(page, page + "/review/submit", "wishedDate", this.wishedDate.toString(),
				"wishedTime", "10:00", "note", "Pour la réunion du conseil");
		assertThat(submitted.statusCode()).isEqualTo(302);
		assertThat(coordinator.page(page).getElementById("review-state").text()).isEqualTo("Soumis pour approbation");
		assertThat(mailTo(approverLogin.login(), "À approuver : « " + title + " »")).isNotNull();

		// not approved: neither scheduled nor sent, with the reason
		var refused = approver.submit(page, page + "/send");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(approver.page(page).getElementById("send-error").text())
			.contains("doit être approuvé avant d'être programmé ou envoyé");
		assertThat(new TestIssues(http()).status(id)).isEqualTo("DRAFT");

		Document toReview = approver.page(page);
		assertThat(toReview.getElementById("review-note").text()).contains("Pour la réunion du conseil");
		assertThat(toReview.getElementById("approve")).isNotNull();
		assertThat(toReview.getElementById("approve-and-schedule")).isNotNull();
		assertThat(toReview.getElementById("test-to-me")).isNotNull();
		assertThat(toReview.select("#review-tools a")).hasSize(2);
		assertThat(approver.page("/admin/calendar").select("#awaiting-approval li[data-issue=" + id + "]")).hasSize(1);

		approver.submit(page, page + "/review/request-changes", "comment", "  ");
		assertThat(approver.page(page).getElementById("send-error").text()).contains("commentaire est obligatoire");
		approver.submit(page, page + "/review/request-changes", "comment", "Corriger le lien du 5 a 7");
		assertThat(approver.page(page).getElementById("review-state").text()).isEqualTo("Modifications demandées");
		MimeMessage sentBack = mailTo(coordinatorLogin.login(), "Modifications demandées : « " + title + " »");
		assertThat(text(sentBack)).contains("Commentaire : Corriger le lien du 5 a 7").contains(page);

		edit(coordinator, id, "Objet corrigé");
		assertThat(coordinator.page(page).getElementById("review-state").text()).isEqualTo("Modifications demandées");
		coordinator.submit(page, page + "/review/submit", "wishedDate", this.wishedDate.toString(), "wishedTime",
				"10:00", "note", "");

		Document again = approver.page(page);
		assertThat(again.select("#review-diff .diff-REMOVED").text()).contains("[fr] Objet : Premier objet");
		assertThat(again.select("#review-diff .diff-ADDED").text()).contains("[fr] Objet : Objet corrigé");
		assertThat(again.select("#review-history .review-step").eachAttr("data-kind"))
			.containsExactly("SUBMITTED", "CHANGES_REQUESTED", "SUBMITTED");

		var approved = approver.submit(page, page + "/review/approve-and-schedule");
		assertThat(approved.statusCode()).isEqualTo(302);
		Document scheduled = approver.page(page);
		assertThat(scheduled.getElementById("review-state").text()).isEqualTo("Approuvé");
		assertThat(scheduled.getElementById("schedule-notice").text()).contains("approuvé et programmé");
		JsonNode issue = issue(id);
		assertThat(issue.get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(issue.get("schedule").toString()).contains(this.wishedDate.toString()).contains("10:00");
		assertThat(issue.get("review").get("state").asString()).isEqualTo("APPROVED");
		assertThat(mailTo(coordinatorLogin.login(), "Approuvé : « " + title + " »")).isNotNull();

		assertThat(http().api("DELETE", "/api/v1/issues/" + id + "/schedule").statusCode()).isEqualTo(200);
	}

	@Test
	void theAuthorCannotApproveTheirOwn() {
		String id = draft();
		String page = "/admin/issues/" + id;
		var admin = AdminSession.login(this.port);

		admin.submit(page, page + "/review/submit", "wishedDate", "", "wishedTime", "09:00", "note", "");
		Document own = admin.page(page);
		assertThat(own.getElementById("approve")).isNull();
		assertThat(own.getElementById("review-own")).isNotNull();

		admin.submit(page, page + "/review/approve");
		assertThat(admin.page(page).getElementById("send-error").text()).contains("Vous avez soumis ce numéro");
		var api = http().api("POST", "/api/v1/issues/" + id + "/approve");
		assertThat(api.statusCode()).isEqualTo(409);
		assertThat(api.body()).contains("quatre yeux");
		assertThat(issue(id).get("review").get("state").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void aCoordinatorMayNotApprove() {
		var coordinatorLogin = this.people.create(Role.COORDINATOR);
		String id = draft();
		String page = "/admin/issues/" + id;
		var coordinator = AdminSession.login(this.port, coordinatorLogin);
		coordinator.submit(page, page + "/review/submit");

		assertThat(coordinator.page(page).getElementById("approve")).isNull();
		assertThat(coordinator.submit(page, page + "/review/approve").statusCode()).isEqualTo(403);
		assertThat(issue(id).get("review").get("state").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void anEditAfterApprovalGoesBackToReview() {
		var coordinatorLogin = this.people.create(Role.COORDINATOR);
		var approverLogin = this.people.create(Role.APPROVER);
		String id = draft();
		String page = "/admin/issues/" + id;
		String title = title(id);
		var coordinator = AdminSession.login(this.port, coordinatorLogin);
		var approver = AdminSession.login(this.port, approverLogin);
		coordinator.submit(page, page + "/review/submit");
		approver.submit(page, page + "/review/approve");
		assertThat(approver.page(page).getElementById("review-state").text()).isEqualTo("Approuvé");

		edit(coordinator, id, "Une dernière retouche");

		assertThat(approver.page(page).getElementById("review-state").text()).isEqualTo("Soumis pour approbation");
		assertThat(mailTo(approverLogin.login(), "À approuver de nouveau : « " + title + " »")).isNotNull();
		var schedule = http().api("PUT", "/api/v1/issues/" + id + "/schedule",
				"{\"date\":\"" + this.wishedDate + "\",\"time\":\"09:00\"}");
		assertThat(schedule.statusCode()).isEqualTo(409);
		assertThat(schedule.body()).contains("Approbation requise").contains("doit être approuvé");
		assertThat(http().api("POST", "/api/v1/issues/" + id + "/send").statusCode()).isEqualTo(409);
		assertThat(approver.page(page).select("#review-diff .diff-ADDED").text()).contains("Une dernière retouche");
	}

	@Test
	void theApiSubmitsRequestsChangesAndApproves() {
		var approverLogin = this.people.create(Role.APPROVER);
		String id = draft();

		var submitted = http().api("POST", "/api/v1/issues/" + id + "/submit",
				"{\"wishedDate\":\"" + this.wishedDate + "\",\"wishedTime\":\"08:30\",\"note\":\"Pour jeudi\"}");
		assertThat(submitted.statusCode()).isEqualTo(200);
		JsonNode review = read(submitted).get("review");
		assertThat(review.get("state").asString()).isEqualTo("SUBMITTED");
		assertThat(review.get("wishedTime").asString()).startsWith("08:30");
		assertThat(review.get("note").asString()).isEqualTo("Pour jeudi");
		assertThat(http().api("POST", "/api/v1/issues/" + id + "/submit").statusCode()).as("already submitted")
			.isEqualTo(409);

		var noComment = http().api("POST", "/api/v1/issues/" + id + "/request-changes", "{\"comment\":\"\"}");
		assertThat(noComment.statusCode()).isEqualTo(400);
		var sentBack = http().api("POST", "/api/v1/issues/" + id + "/request-changes", "{\"comment\":\"Trop long\"}");
		assertThat(sentBack.statusCode()).isEqualTo(200);
		assertThat(read(sentBack).get("review").get("state").asString()).isEqualTo("CHANGES_REQUESTED");

		assertThat(http().api("POST", "/api/v1/issues/" + id + "/submit", "{}").statusCode()).isEqualTo(200);
		String page = "/admin/issues/" + id;
		AdminSession.login(this.port, approverLogin).submit(page, page + "/review/approve");
		JsonNode approved = issue(id).get("review");
		assertThat(approved.get("state").asString()).isEqualTo("APPROVED");
		assertThat(approved.get("history").get(3).get("kind").asString()).isEqualTo("APPROVED");
		assertThat(approved.get("history").get(3).get("personId").asString()).isEqualTo(approverLogin.personId());
	}

	private String draft() {
		return new TestIssues(http()).draftFor(this.list, List.of("m." + this.list + "@membres.exemple.ca"));
	}

	private String title(String id) {
		return issue(id).get("title").asString();
	}

	private JsonNode issue(String id) {
		return read(http().api("GET", "/api/v1/issues/" + id));
	}

	private JsonNode read(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private static void edit(AdminSession session, String id, String subject) {
		String editor = "/admin/issues/" + id + "/edit";
		var saved = session.submit(editor, editor, "title", session.page(editor).getElementById("title").val(),
				"template", "infolettre", "sender", "", "replyTo", "", "archived", "true", "frSubject", subject,
				"frPreheader", "", "frBlocks", "[{\"type\":\"markdown\",\"body\":\"Bonjour.\"}]", "enSubject", "",
				"enPreheader", "", "enBlocks", "[]");
		assertThat(saved.statusCode()).as("saved").isEqualTo(302);
	}

	private static MimeMessage mailTo(String address, String subject) {
		return await().until(() -> Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> TestMailServer.recipient(m).equals(address) && subject.equals(subjectOf(m)))
			.findFirst()
			.orElse(null), m -> m != null);
	}

	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The plain-text part, decoded. */
	private static String text(MimeMessage message) {
		try {
			return plain(message.getContent());
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String plain(Object content) throws MessagingException, IOException {
		if (content instanceof String text) {
			return text;
		}
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				var part = multipart.getBodyPart(i);
				if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
					return plain(part.getContent());
				}
			}
		}
		return "";
	}

}
