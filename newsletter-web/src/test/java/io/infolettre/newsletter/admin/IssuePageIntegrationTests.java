package io.infolettre.newsletter.admin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestIssues;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The issue page's send buttons, live figures and reconciliation, as a logged-in coordinator sees them. */
class IssuePageIntegrationTests extends AbstractIntegrationTests {

	private static final List<String> CONTROLS = List.of("send-now", "pause", "resume", "cancel", "resend");

	private static final String AUTOMATIC_PAUSE = "Pause automatique — Serveur SMTP injoignable : Connection refused";

	@Autowired
	IssueManagement issues;

	private final String list = "page-" + UUID.randomUUID().toString().substring(0, 8);

	private AdminSession admin;

	@BeforeEach
	void logIn() {
		this.admin = AdminSession.login(this.port);
	}

	@Test
	void eachStatusShowsTheButtonsThatApplyToIt() {
		String draft = draft();
		String scheduled = scheduled();
		String paused = scheduled();
		this.issues.pause(paused, AUTOMATIC_PAUSE);
		String failed = scheduled();
		this.issues.markFailed(failed, "Le gabarit a disparu");
		String cancelled = scheduled();
		this.issues.cancel(cancelled);

		assertThat(controls(draft)).containsExactly("send-now");
		assertThat(controls(scheduled)).containsExactly("pause", "cancel");
		assertThat(controls(paused)).containsExactly("resume", "cancel");
		assertThat(controls(failed)).containsExactly("send-now", "cancel");
		assertThat(controls(cancelled)).isEmpty();

		Document pausedPage = this.admin.page("/admin/issues/" + paused);
		assertThat(pausedPage.getElementById("pause-reason").text()).contains(AUTOMATIC_PAUSE);
		assertThat(pausedPage.getElementById("cancel").closest("form").attr("data-confirm")).startsWith("Annuler cet envoi ?");
		assertThat(this.admin.page("/admin/issues/" + scheduled).getElementById("pause-reason")).isNull();
	}

	@Test
	void pauseResumeAndCancelGoBackToTheIssueWithANotice() {
		// a member in its audience: the refusal checked below is the status one, not an empty audience
		String id = new TestIssues(http()).draftFor(this.list, List.of("a." + this.list + "@membres.exemple.ca"));
		this.issues.schedule(id, Instant.now().plus(Duration.ofDays(1)));
		String page = "/admin/issues/" + id;

		var paused = this.admin.submit(page, page + "/pause");
		assertThat(paused.statusCode()).isEqualTo(302);
		assertThat(paused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(page));
		Document afterPause = this.admin.page(page);
		assertThat(afterPause.getElementById("notice").text()).startsWith("Envoi mis en pause");
		assertThat(afterPause.getElementById("issue-status").text()).isEqualTo("En pause");
		assertThat(afterPause.getElementById("pause-reason").text()).contains("Mis en pause par la coordination");
		assertThat(afterPause.getElementById("live-time-left")).isNull(); // no ledger yet: no figures
		assertThat(afterPause.getElementById("audience-size").parent().text()).contains("(1 membre)");

		this.admin.submit(page, page + "/cancel");
		assertThat(this.issues.get(id).getStatus()).isEqualTo(IssueStatus.CANCELLED);
		assertThat(this.admin.page(page).getElementById("notice").text()).startsWith("Envoi annulé");

		// a page out of date: the refusal is shown, nothing changes
		this.admin.submit(page, page + "/resume");
		assertThat(this.admin.page(page).getElementById("send-error").text()).contains("Seul un envoi en pause");
		assertThat(this.issues.get(id).getStatus()).isEqualTo(IssueStatus.CANCELLED);
	}

	@Test
	void aSentIssueOffersAResendAndShowsWhoWasNotReachedAndWhy() {
		var api = new TestIssues(http());
		String id = api.sentTo(this.list, List.of("a." + this.list + "@membres.exemple.ca",
				"b." + this.list + "@membres.exemple.ca", "c." + this.list + "@membres.exemple.ca"));
		var bounced = api.deliveries(id, "sent").get("items").get(0);
		http().api("POST", "/api/v1/bounces", "{\"messageId\":\"%s\",\"type\":\"hard\",\"diagnostic\":\"550 Adresse désactivée\"}"
			.formatted(bounced.get("messageId").asString()));

		Document page = this.admin.page("/admin/issues/" + id);
		assertThat(controls(id)).containsExactly("resend");
		assertThat(page.getElementById("resend").text()).isEqualTo("Renvoyer aux non-remis (1)");
		assertThat(page.getElementById("reconciliation").selectFirst("h2").text()).isEqualTo("Qui ne l'a pas reçu et pourquoi");
		assertThat(counts(page)).containsExactlyEntriesOf(
				Map.of("undelivered", "1", "skipped", "0", "sent", "2", "pending", "0", "all", "3"));

		Document undelivered = this.admin.page("/admin/issues/" + id + "/deliveries");
		assertThat(undelivered.getElementById("filter-undelivered").attr("aria-current")).isEqualTo("page");
		var rows = undelivered.select("#deliveries tbody tr");
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).child(0).text()).isEqualTo(bounced.get("email").asString());
		assertThat(rows.get(0).child(1).text()).isEqualTo("Échec définitif");
		assertThat(rows.get(0).child(3).text()).isEqualTo("Rebond : 550 Adresse désactivée");
		assertThat(this.admin.page("/admin/issues/" + id + "/deliveries?status=sent").select("#deliveries tbody tr"))
			.hasSize(2);
		assertThat(this.admin.page("/admin/issues/" + id + "/deliveries?status=skipped").getElementById("no-deliveries"))
			.isNotNull();

		String csvLink = undelivered.getElementById("export-csv").attr("href");
		var csv = this.admin.download(csvLink);
		assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("Rebond : 550 Adresse désactivée")
			.contains("Échec définitif");

		var progress = this.admin.get("/admin/issues/" + id + "/progress", "HX-Request", "true");
		assertThat(progress.headers().firstValue("HX-Refresh")).as("a send that ended reloads the page").contains("true");

		Document english = this.admin.page("/admin/issues/" + id + "?lang=en");
		assertThat(english.getElementById("resend").text()).isEqualTo("Resend to those not reached (1)");
		assertThat(english.getElementById("filter-undelivered").text()).isEqualTo("Not reached 1");
	}

	private List<String> controls(String issueId) {
		Document page = this.admin.page("/admin/issues/" + issueId);
		return CONTROLS.stream().filter(id -> page.getElementById(id) != null).toList();
	}

	private static Map<String, String> counts(Document page) {
		return Map.of("undelivered", count(page, "undelivered"), "skipped", count(page, "skipped"), "sent",
				count(page, "sent"), "pending", count(page, "pending"), "all", count(page, "all"));
	}

	private static String count(Document page, String filter) {
		return page.getElementById("filter-" + filter).selectFirst(".badge").text();
	}

	private String draft() {
		return this.issues.createDraft("Page " + this.list, IssueFixtures.infolettre(), Audience.list(this.list)).getId();
	}

	// due tomorrow: nothing is sent during the test
	private String scheduled() {
		String id = draft();
		this.issues.schedule(id, Instant.now().plus(Duration.ofDays(1)));
		return id;
	}

}
