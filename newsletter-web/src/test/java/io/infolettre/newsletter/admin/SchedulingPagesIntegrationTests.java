package io.infolettre.newsletter.admin;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestIssues;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduling an issue from its page, as a logged-in coordinator does it: the time it resolved to, in
 * words and daylight saving included, on the issue page and on the calendar; rescheduling,
 * unscheduling, refusals, and a missed send. The tests run on the real clock: their dates are ahead.
 */
class SchedulingPagesIntegrationTests extends AbstractIntegrationTests {

	private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
			Locale.CANADA_FRENCH);

	@Autowired
	IssueManagement issues;

	private final String list = "plan-" + UUID.randomUUID().toString().substring(0, 8);

	private AdminSession admin;

	@BeforeEach
	void logIn() {
		this.admin = AdminSession.login(this.port);
	}

	@Test
	void schedulesAnIssueThroughTheFormAndShowsItsTimeOnTheIssueAndOnTheCalendar() {
		String id = draftWithMembers();
		String page = "/admin/issues/" + id;
		Document draft = this.admin.page(page);
		assertThat(draft.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
		assertThat(draft.getElementById("schedule-toggle").text()).isEqualTo("Programmer l'envoi");
		assertThat(draft.selectFirst("#schedule-zone option[selected]").text()).isEqualTo("Heure du Québec");
		assertThat(draft.select("#schedule-zone option").eachAttr("value")).contains("America/Halifax",
				"America/Vancouver", "UTC");
		assertThat(draft.getElementById("window-on").hasAttr("checked")).as("the window is off by default").isFalse();
		assertThat(draft.select("input[name=windowDays][checked]").eachAttr("value")).containsExactly("MONDAY",
				"TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
		assertThat(draft.getElementById("window-opens").val()).isEqualTo("08:00");

		LocalDate day = inDays(10);
		var response = schedule(id, day, "10:15");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(page));

		Document scheduled = this.admin.page(page);
		assertThat(scheduled.select("[id]").eachAttr("id")).doesNotHaveDuplicates();
		String when = FRENCH_DAY.format(day) + " à 10 h 15 (heure du Québec)";
		assertThat(scheduled.getElementById("schedule-notice").text()).isEqualTo("Envoi programmé le " + when + ".");
		assertThat(scheduled.getElementById("dst-notice")).isNull();
		assertThat(scheduled.getElementById("issue-status").text()).isEqualTo("Programmé");
		assertThat(scheduled.getElementById("sends-at").text()).isEqualTo(when);
		assertThat(scheduled.getElementById("schedule-window")).isNull();
		assertThat(scheduled.getElementById("schedule-toggle").text()).isEqualTo("Reprogrammer");
		assertThat(scheduled.getElementById("unschedule").text()).isEqualTo("Déprogrammer");
		assertThat(scheduled.getElementById("live").attr("hx-trigger")).as("a send days ahead is not polled every second")
			.isEqualTo("every 30s");
		assertThat(scheduled.getElementById("live").attr("hx-get")).endsWith("/progress?started=false");
		var progress = this.admin.get(page + "/progress?started=false", "HX-Request", "true");
		assertThat(progress.headers().firstValue("HX-Refresh")).as("not started: the page stays").isEmpty();
		var issue = this.issues.get(id);
		assertThat(issue.getStatus()).isEqualTo(IssueStatus.SCHEDULED);
		assertThat(issue.getSendTime()).isEqualTo(new SendTime(day, LocalTime.of(10, 15), SendTime.QUEBEC));

		Element entry = calendarEntry(id);
		assertThat(entry.selectFirst(".timeline-time").text()).isEqualTo("10 h 15");
		assertThat(entry.selectFirst(".badge").text()).isEqualTo("Programmé");
		assertThat(entry.selectFirst(".timeline-title").text()).isEqualTo(issue.getTitle());
		assertThat(entry.closest(".timeline-day").attr("data-date")).isEqualTo(day.toString());
		assertThat(entry.closest(".timeline-day").selectFirst("h3").text()).isEqualTo(FRENCH_DAY.format(day));
	}

	@Test
	void aTimeThatDoesNotExistIsMovedForwardAndTheNoticeSaysSo() {
		String id = draftWithMembers();
		String page = "/admin/issues/" + id;
		LocalDate springForward = LocalDate.of(LocalDate.now(SendTime.QUEBEC).getYear() + 1, 3, 1)
			.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY));
		String date = springForward.getDayOfMonth() + " mars " + springForward.getYear();

		schedule(id, springForward, "02:30");
		Document scheduled = this.admin.page(page);
		assertThat(scheduled.getElementById("schedule-notice").selectFirst("span").text())
			.isEqualTo("Envoi programmé le dimanche " + date + " à 3 h 30 (heure du Québec).");
		String moved = "2 h 30 n'existe pas le " + date + " (passage à l'heure avancée) : l'envoi partira à 3 h 30.";
		assertThat(scheduled.getElementById("dst-notice").text()).isEqualTo(moved);
		assertThat(scheduled.getElementById("schedule-adjustment").text()).isEqualTo(moved);
		assertThat(this.issues.get(id).getScheduledAt()).isEqualTo(springForward.atTime(7, 30).toInstant(ZoneOffset.UTC));

		// the second 1:30 of the day clocks fall back: the first one, daylight time
		LocalDate fallBack = springForward.withMonth(11).withDayOfMonth(1).with(TemporalAdjusters.firstInMonth(DayOfWeek.SUNDAY));
		schedule(id, fallBack, "01:30");
		assertThat(this.admin.page(page).getElementById("dst-notice").text()).isEqualTo("1 h 30 arrive deux fois le "
				+ fallBack.getDayOfMonth() + " novembre " + fallBack.getYear() + " : l'envoi partira à la première (heure avancée).");
		assertThat(this.issues.get(id).getScheduledAt()).isEqualTo(fallBack.atTime(5, 30).toInstant(ZoneOffset.UTC));

		Document english = this.admin.page(page + "?lang=en");
		assertThat(english.getElementById("sends-at").text()).isEqualTo("Sunday, November " + fallBack.getDayOfMonth()
				+ ", " + fallBack.getYear() + " at 1:30 a.m. (Quebec time)");
		assertThat(english.getElementById("schedule-adjustment").text()).isEqualTo("1:30 a.m. happens twice on November "
				+ fallBack.getDayOfMonth() + ", " + fallBack.getYear() + ": it will be sent at the first one (daylight time).");
	}

	@Test
	void rescheduleMovesTheSendAndUnscheduleMakesItADraftAgain() {
		String id = draftWithMembers();
		String page = "/admin/issues/" + id;
		schedule(id, inDays(5), "09:00");

		// moved to a Wednesday at 7:00 with a weekday 8:00–17:00 window: it waits for the window to open
		LocalDate wednesday = inDays(14).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
		var moved = this.admin.submit(page, page + "/schedule", "date", wednesday.toString(), "time", "07:00", "zone",
				"America/Toronto", "window", "true", "windowDays", "MONDAY", "windowDays", "TUESDAY", "windowDays",
				"WEDNESDAY", "windowDays", "THURSDAY", "windowDays", "FRIDAY", "opens", "08:00", "closes", "17:00");
		assertThat(moved.statusCode()).isEqualTo(302);
		Document rescheduled = this.admin.page(page);
		assertThat(rescheduled.getElementById("send-error")).isNull();
		assertThat(rescheduled.getElementById("sends-at").text())
			.isEqualTo(FRENCH_DAY.format(wednesday) + " à 8 h 00 (heure du Québec)");
		assertThat(rescheduled.getElementById("schedule-window").text())
			.isEqualTo("Fenêtre d'envoi : du lundi au vendredi, de 8 h 00 à 17 h 00 (heure du Québec)");
		assertThat(rescheduled.getElementById("waits-for-window").text()).isEqualTo("L'heure choisie, "
				+ FRENCH_DAY.format(wednesday) + " à 7 h 00 (heure du Québec), tombe hors de la fenêtre d'envoi : l'envoi attend son ouverture.");
		// the form shows the issue's own time and window, ready to change again
		assertThat(rescheduled.getElementById("schedule-date").val()).isEqualTo(wednesday.toString());
		assertThat(rescheduled.getElementById("schedule-time").val()).isEqualTo("07:00");
		assertThat(rescheduled.getElementById("window-on").hasAttr("checked")).isTrue();
		Element entry = calendarEntry(id);
		assertThat(entry.selectFirst(".badge").text()).isEqualTo("Attend sa fenêtre");
		assertThat(entry.selectFirst(".timeline-time").text()).isEqualTo("8 h 00");

		var unscheduled = this.admin.submit(page, page + "/unschedule");
		assertThat(unscheduled.statusCode()).isEqualTo(302);
		Document draft = this.admin.page(page);
		assertThat(draft.getElementById("notice").text()).isEqualTo("Envoi déprogrammé : le numéro est redevenu un brouillon.");
		assertThat(draft.getElementById("issue-status").text()).isEqualTo("Brouillon");
		assertThat(draft.getElementById("unschedule")).isNull();
		assertThat(draft.getElementById("sends-at")).isNull();
		assertThat(draft.getElementById("schedule-toggle").text()).isEqualTo("Programmer l'envoi");
		assertThat(this.issues.get(id).getStatus()).isEqualTo(IssueStatus.DRAFT);
		assertThat(this.admin.page("/admin/calendar").select("li[data-issue='" + id + "']")).isEmpty();
	}

	@Test
	void refusalsComeBackAsThePageError() {
		String id = draftWithMembers();
		String page = "/admin/issues/" + id;

		schedule(id, LocalDate.now(SendTime.QUEBEC).minusDays(1), "09:00");
		assertThat(error(page)).isEqualTo("L'heure d'envoi doit être dans le futur");

		this.admin.submit(page, page + "/schedule", "date", inDays(3).toString(), "time", "09:00", "zone",
				"America/Toronto", "window", "true", "windowDays", "MONDAY", "opens", "17:00", "closes", "08:00");
		assertThat(error(page)).startsWith("La fenêtre d'envoi doit ouvrir avant de fermer");

		this.admin.submit(page, page + "/schedule", "date", inDays(3).toString(), "zone", "America/Toronto");
		assertThat(error(page)).isEqualTo("Indiquez une date et une heure d'envoi valides.");

		String nobody = this.issues.createDraft("Personne " + this.list, IssueFixtures.infolettre(), Audience.list(this.list + "-vide"))
			.getId();
		schedule(nobody, inDays(3), "09:00");
		assertThat(error("/admin/issues/" + nobody)).isEqualTo("Aucun destinataire actif dans l'audience de ce numéro.");

		assertThat(this.issues.get(id).getStatus()).isEqualTo(IssueStatus.DRAFT);
		assertThat(this.issues.get(nobody).getStatus()).isEqualTo(IssueStatus.DRAFT);
	}

	@Test
	void aMissedSendSaysWhenItWasDueAndOffersEveryWayOut() {
		String id = draftWithMembers();
		String page = "/admin/issues/" + id;
		LocalDate day = inDays(2);
		this.issues.schedule(id, new SendTime(day, LocalTime.of(9, 0), SendTime.QUEBEC), null);
		this.issues.markMissed(id);

		Document missed = this.admin.page(page);
		assertThat(missed.getElementById("issue-status").text()).isEqualTo("Manqué");
		assertThat(missed.getElementById("missed").selectFirst("h2").text())
			.isEqualTo("Envoi manqué : personne n'a reçu ce numéro");
		assertThat(missed.getElementById("missed-due").text()).isEqualTo(
				"Il devait partir le " + FRENCH_DAY.format(day) + " à 9 h 00 (heure du Québec), mais l'application était arrêtée à ce moment-là.");
		assertThat(missed.getElementById("missed-at").text()).startsWith("Constaté manqué le ");
		assertThat(missed.getElementById("send-now")).isNotNull();
		assertThat(missed.getElementById("cancel")).isNotNull();
		assertThat(missed.getElementById("unschedule").text()).isEqualTo("Remettre en brouillon");
		assertThat(missed.getElementById("schedule").hasAttr("open")).as("rescheduling is the likely way out").isTrue();
		assertThat(missed.getElementById("schedule-toggle").text()).isEqualTo("Reprogrammer");

		Element alert = this.admin.page("/admin/calendar").getElementById("missed-sends");
		assertThat(alert.selectFirst("h2").text()).isEqualTo("Envois manqués");
		assertThat(alert.select("a[href='" + page + "']").text()).isEqualTo(this.issues.get(id).getTitle());

		this.admin.submit(page, page + "/unschedule");
		assertThat(this.issues.get(id).getStatus()).isEqualTo(IssueStatus.DRAFT);
		assertThat(this.admin.page("/admin/calendar").select("#missed-sends a[href='" + page + "']")).isEmpty();
	}

	private HttpResponse<String> schedule(String id, LocalDate date, String time) {
		String page = "/admin/issues/" + id;
		return this.admin.submit(page, page + "/schedule", "date", date.toString(), "time", time, "zone",
				"America/Toronto", "windowDays", "MONDAY", "opens", "08:00", "closes", "17:00");
	}

	private String error(String page) {
		Element error = this.admin.page(page).getElementById("send-error");
		assertThat(error).as("error on " + page).isNotNull();
		return error.text();
	}

	private Element calendarEntry(String issueId) {
		Element entry = this.admin.page("/admin/calendar").selectFirst("li.timeline-entry[data-issue='" + issueId + "']");
		assertThat(entry).as("calendar entry of " + issueId).isNotNull();
		return entry;
	}

	private String draftWithMembers() {
		return new TestIssues(http()).draftFor(this.list, List.of("a." + this.list + "@membres.exemple.ca"));
	}

	// days ahead in Quebec, never on a 1st (written « 1er » in words)
	private static LocalDate inDays(int days) {
		LocalDate day = LocalDate.now(SendTime.QUEBEC).plusDays(days);
		return day.getDayOfMonth() == 1 ? day.plusDays(1) : day;
	}

}
