package io.infolettre.newsletter.admin;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.series.SeriesManagement;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Series from the admin pages: created through the form, listed with their rule in words, their
 * next twelve sends (daylight saving flagged), a refused rule shown next to the form, pause, activate
 * and delete. The dates are next year's, on the real clock.
 */
class SeriesPagesIntegrationTests extends AbstractIntegrationTests {

	private static final DateTimeFormatter FRENCH_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy",
			Locale.CANADA_FRENCH);

	private static final int NEXT_YEAR = LocalDate.now(SendTime.QUEBEC).getYear() + 1;

	@Autowired
	IssueManagement issues;

	@Autowired
	SeriesManagement series;

	private final String name = "Série " + UUID.randomUUID().toString().substring(0, 8);

	private AdminSession admin;

	private String model;

	@BeforeEach
	void logInWithAModelIssue() {
		this.admin = AdminSession.login(this.port);
		this.model = this.issues.createDraft("Modèle " + this.name, IssueFixtures.infolettre(), Audience.allActive())
			.getId();
	}

	@Test
	void createsASeriesThroughTheFormAndShowsItsNextTwelveSends() {
		Document form = this.admin.page("/admin/series/new");
		assertThat(form.select("#series-model option").eachAttr("value")).contains(this.model);
		assertThat(form.selectFirst("#series-zone option[selected]").text()).isEqualTo("Heure du Québec");
		assertThat(form.getElementById("frequency-MONTHLY_ON_WEEKDAY").hasAttr("checked")).isTrue();

		var created = create("frequency", "MONTHLY_ON_WEEKDAY", "weekOfMonth", "2", "dayOfWeek", "TUESDAY", "time",
				"09:00", "startsOn", NEXT_YEAR + "-01-01", "leadDays", "7");
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/admin/series/");
		String page = location.substring(location.indexOf("/admin/series/"));

		Document detail = this.admin.page(page);
		assertThat(detail.getElementById("notice").text()).isEqualTo("Série créée. Voici ses prochains envois.");
		assertThat(detail.getElementById("series-rule").text()).isEqualTo("le 2e mardi de chaque mois à 9 h 00");
		assertThat(detail.getElementById("series-state").text()).isEqualTo("Active");
		assertThat(detail.getElementById("model-issue").attr("href")).isEqualTo("/admin/issues/" + this.model);
		assertThat(detail.getElementById("series-lead").text()).isEqualTo("7 jours avant l’envoi");
		assertThat(detail.getElementById("series-window").text()).isEqualTo("à toute heure");
		List<String> expected = new ArrayList<>();
		for (int month = 1; month <= 12; month++) {
			LocalDate day = YearMonth.of(NEXT_YEAR, month).atDay(1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
			expected.add(FRENCH_DAY.format(day) + " à 9 h 00 (heure du Québec)");
		}
		assertThat(detail.select("#occurrences .occurrence-when").eachText()).containsExactlyElementsOf(expected);
		assertThat(detail.select("#occurrences .occurrence-adjusted")).isEmpty();

		Element row = this.admin.page("/admin/series").select("#series tbody tr").stream()
			.filter(tr -> tr.selectFirst("a").text().equals(this.name))
			.findFirst()
			.orElseThrow();
		assertThat(row.selectFirst(".series-rule").text()).isEqualTo("le 2e mardi de chaque mois à 9 h 00");
		assertThat(row.selectFirst(".series-next").text()).isEqualTo(expected.get(0));
		assertThat(this.admin.page("/admin/series?lang=en").getElementById(row.id()).selectFirst(".series-rule").text())
			.isEqualTo("on the second Tuesday of every month at 9:00 a.m.");
	}

	@Test
	void anOccurrenceDaylightSavingMovesIsFlagged() {
		// every Sunday at 2:30 from March 1st: the day clocks spring forward, 2:30 does not exist
		var created = create("frequency", "WEEKLY", "days", "SUNDAY", "time", "02:30", "startsOn", NEXT_YEAR + "-03-01");
		String location = created.headers().firstValue("Location").orElseThrow();
		Document detail = this.admin.page(location.substring(location.indexOf("/admin/series/")));

		assertThat(detail.getElementById("series-rule").text()).isEqualTo("chaque semaine le dimanche à 2 h 30");
		var occurrences = detail.select("#occurrences li");
		assertThat(occurrences).hasSize(12);
		var adjusted = occurrences.stream().filter(li -> li.selectFirst(".occurrence-adjusted") != null).toList();
		assertThat(adjusted).hasSize(1);
		LocalDate springForward = LocalDate.of(NEXT_YEAR, 3, 1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY));
		assertThat(adjusted.get(0).selectFirst(".occurrence-when").text())
			.isEqualTo(FRENCH_DAY.format(springForward) + " à 3 h 30 (heure du Québec)");
		assertThat(adjusted.get(0).selectFirst("div").text()).isEqualTo("2 h 30 n'existe pas le "
				+ springForward.getDayOfMonth() + " mars " + NEXT_YEAR + " (passage à l'heure avancée) : l'envoi partira à 3 h 30.");
	}

	@Test
	void aRuleTheDomainRefusesIsShownNextToTheFormWithWhatWasEntered() {
		var refused = create("frequency", "WEEKLY", "time", "09:00", "startsOn", NEXT_YEAR + "-01-01", "leadDays", "3");
		assertThat(refused.statusCode()).isEqualTo(422);
		Document form = Jsoup.parse(refused.body());
		assertThat(form.getElementById("form-error").text())
			.isEqualTo("La série n'a pas été créée : Choisissez au moins un jour de la semaine");
		assertThat(form.getElementById("series-name").val()).isEqualTo(this.name);
		assertThat(form.selectFirst("#series-model option[selected]").val()).isEqualTo(this.model);
		assertThat(form.getElementById("frequency-WEEKLY").hasAttr("checked")).isTrue();
		assertThat(form.getElementById("series-lead-days").val()).isEqualTo("3");

		var dayOfMonth = create("frequency", "MONTHLY_ON_DAY", "dayOfMonth", "32", "time", "09:00", "startsOn",
				NEXT_YEAR + "-01-01");
		assertThat(Jsoup.parse(dayOfMonth.body()).getElementById("form-error").text()).endsWith("Le jour du mois doit être entre 1 et 31");

		var noModel = this.admin.submit("/admin/series/new", "/admin/series", "name", this.name, "frequency", "WEEKLY",
				"days", "MONDAY", "interval", "1", "time", "09:00", "zone", "America/Toronto", "startsOn", NEXT_YEAR + "-01-01");
		assertThat(Jsoup.parse(noModel.body()).getElementById("form-error").text()).endsWith("Choisissez le numéro modèle de la série.");

		assertThat(this.series.all()).noneMatch(one -> one.getName().equals(this.name));
	}

	@Test
	void aSeriesIsPausedActivatedAndDeleted() {
		String location = create("frequency", "MONTHLY_ON_DAY", "dayOfMonth", "15", "time", "09:00", "startsOn",
				NEXT_YEAR + "-01-01").headers().firstValue("Location").orElseThrow();
		String page = location.substring(location.indexOf("/admin/series/"));
		assertThat(this.admin.page(page).getElementById("series-rule").text()).isEqualTo("le 15 de chaque mois à 9 h 00");

		this.admin.submit(page, page + "/pause");
		Document paused = this.admin.page(page);
		assertThat(paused.getElementById("series-state").text()).isEqualTo("En pause");
		assertThat(paused.getElementById("no-occurrences").text()).isEqualTo("Série en pause : aucun envoi à venir.");
		assertThat(paused.getElementById("activate-series")).isNotNull();

		this.admin.submit(page, page + "/activate");
		Document active = this.admin.page(page);
		assertThat(active.getElementById("notice").text()).isEqualTo("Série réactivée à partir de sa prochaine occurrence.");
		assertThat(active.select("#occurrences li")).hasSize(12);

		var deleted = this.admin.submit(page, page + "/delete");
		assertThat(deleted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/series"));
		assertThat(this.admin.page("/admin/series").getElementById("notice").text())
			.isEqualTo("Série supprimée ; les numéros qu'elle a créés restent.");
		assertThat(this.admin.get(page).statusCode()).isEqualTo(404);
	}

	// the form as the coordinator fills it in: these fields, over a name, the model and Quebec time
	private HttpResponse<String> create(String... fields) {
		List<String> all = new ArrayList<>(List.of("name", this.name, "modelIssueId", this.model, "zone",
				"America/Toronto", "interval", "1", "mode", "DRAFT_FOR_REVIEW"));
		all.addAll(List.of(fields));
		return this.admin.submit("/admin/series/new", "/admin/series", all.toArray(String[]::new));
	}

}
