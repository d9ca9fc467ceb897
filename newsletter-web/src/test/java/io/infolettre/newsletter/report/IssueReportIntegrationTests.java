package io.infolettre.newsletter.report;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import io.infolettre.newsletter.delivery.ResponseLedger;
import io.infolettre.newsletter.delivery.internal.DeliveryStore;
import io.infolettre.newsletter.engagement.Bounces;
import io.infolettre.newsletter.engagement.internal.OpenRecorder;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.tracking.OpenClass;
import io.infolettre.newsletter.tracking.TrackedLinks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report of a small issue whose every figure was computed by hand ({@link ReportFixture}), through
 * the live counters, the rebuild, the API, the CSV exports and the admin page.
 */
class IssueReportIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private SubscriberManagement management;

	@Autowired
	private Subscribers subscribers;

	@Autowired
	private IssueManagement issues;

	@Autowired
	private DeliveryStore ledger;

	@Autowired
	private ResponseLedger responses;

	@Autowired
	private OpenRecorder recorder;

	@Autowired
	private Bounces bounces;

	@Autowired
	private TrackedLinks links;

	@Autowired
	private IssueReports reports;

	@Autowired
	private Engagement engagement;

	private ReportFixture fixture;

	@BeforeEach
	void fixture() {
		this.fixture = new ReportFixture(this.mongo, this.management, this.subscribers, this.issues, this.ledger,
				this.responses, this.recorder, this.bounces, this.links);
	}

	@Test
	void theFiguresAreTheOnesComputedByHand() {
		var figures = this.reports.figures(this.issues.get(this.fixture.issueId));
		var d = figures.delivery();
		var s = figures.stats();
		assertThat(d.recipients()).isEqualTo(12);
		// d10's hard bounce took it from SENT to FAILED_PERMANENT: 10 - 1
		assertThat(d.sent()).isEqualTo(9);
		assertThat(d.failedTemporary()).as("d8").isEqualTo(1);
		assertThat(d.failedPermanent()).as("d9 and d10").isEqualTo(2);
		assertThat(d.unsubscribes()).as("d7").isEqualTo(1);

		// read: d0, d1, d3 (after Apple), d4 (a click without a pixel open), d5 (Gmail's proxy)
		assertThat(s.read()).isEqualTo(5);
		assertThat(s.readByClick()).as("d4").isEqualTo(1);
		// seen: those five and d2 (Apple only), d6 (scanner)
		assertThat(s.seen()).isEqualTo(7);
		assertThat(s.machineOnly()).as("d2 and d6").isEqualTo(2);
		assertThat(s.seenAs()).isEqualTo(Map.of(OpenClass.HUMAN, 3L, OpenClass.APPLE_PRIVACY, 2L, OpenClass.IMAGE_PROXY,
				1L, OpenClass.SCANNER, 1L));
		// open events: d0 ×2, d1, d3 by persons; d2, d3 by Apple; d5 by Gmail; d6 by the scanner
		assertThat(s.openEvents()).isEqualTo(8);
		assertThat(s.openClasses()).isEqualTo(Map.of(OpenClass.HUMAN, 4L, OpenClass.APPLE_PRIVACY, 2L,
				OpenClass.IMAGE_PROXY, 1L, OpenClass.SCANNER, 1L));
		// clicks: d1 on A and d4 on B by persons, d6 on A by the scanner
		assertThat(s.clickEvents()).isEqualTo(3);
		assertThat(s.clickClasses()).isEqualTo(Map.of(OpenClass.HUMAN, 2L, OpenClass.SCANNER, 1L));
		assertThat(s.clicked()).as("d1 and d4").isEqualTo(2);
		assertThat(s.hardBounces()).as("d10").isEqualTo(1);
		assertThat(s.softBounces()).isZero();
		assertThat(s.complaints()).as("d11").isEqualTo(1);

		assertThat(figures.humanOpenRate()).isCloseTo(5.0 / 9, within(1e-9));
		assertThat(figures.machineOpenRate()).isCloseTo(2.0 / 9, within(1e-9));
		assertThat(figures.totalOpenRate()).isCloseTo(7.0 / 9, within(1e-9));
		assertThat(figures.clickRate()).isCloseTo(2.0 / 9, within(1e-9));
		assertThat(figures.clickToOpenRate()).isCloseTo(2.0 / 5, within(1e-9));
		assertThat(figures.unsubscribeRate()).isCloseTo(1.0 / 9, within(1e-9));
		// the ledger head agrees on the readers and clickers
		assertThat(d.uniqueOpens()).isEqualTo(5);
		assertThat(d.clicks().unique()).isEqualTo(2);

		assertThat(this.reports.links(this.fixture.issueId)).containsExactly(
				new LinkClicks(ReportFixture.LINK_A, 2, 1, 1), new LinkClicks(ReportFixture.LINK_B, 1, 1, 1));

		var timeline = this.reports.timeline(this.issues.get(this.fixture.issueId));
		assertThat(timeline).hasSize(48 + 5);
		assertThat(timeline.stream().mapToLong(TimelinePoint::reads).sum()).isEqualTo(5);
		assertThat(timeline.get(timeline.size() - 1).cumulative()).isEqualTo(5);
		assertThat(timeline.get(47).hourly()).isTrue();
		assertThat(timeline.get(48).hourly()).isFalse();
	}

	@Test
	void breakdownsCountReadersPerSectorAndCompany() {
		assertThat(this.reports.breakdown(this.fixture.issueId, Breakdown.SECTOR)).containsExactly(
				// d6–d11: six recipients, three sent (d8, d9 failed, d10 bounced), nobody read
				new BreakdownRow("Agroalimentaire", 6, 3, 0, 0), new BreakdownRow("Métallurgie", 6, 6, 5, 2));
		var companies = this.reports.breakdown(this.fixture.issueId, Breakdown.COMPANY);
		assertThat(companies).contains(new BreakdownRow("Aciers Éclair inc.", 2, 2, 2, 1),
				new BreakdownRow("Bois Ébène", 1, 1, 0, 0), new BreakdownRow("Câbles Québec", 3, 3, 3, 1));
	}

	@Test
	void theRebuildGivesExactlyTheLiveCounters() {
		var issue = this.issues.get(this.fixture.issueId);
		var live = this.reports.statistics(this.fixture.issueId);
		var liveLinks = this.reports.links(this.fixture.issueId);
		var liveTimeline = this.reports.timeline(issue);

		var rebuilt = this.reports.rebuild(this.fixture.issueId);

		assertThat(rebuilt.rebuiltAt()).isNotNull();
		assertThat(rebuilt.counters()).isEqualTo(live.counters());
		assertThat(this.reports.links(this.fixture.issueId)).isEqualTo(liveLinks);
		assertThat(this.reports.timeline(issue)).isEqualTo(liveTimeline);
		// and the live path goes on from the rebuilt counters
		this.recorder.record(this.fixture.id(7), ReportFixture.READER, "24.48.1.9");
		this.recorder.flush();
		assertThat(this.reports.statistics(this.fixture.issueId).read()).isEqualTo(live.read() + 1);
	}

	@Test
	void theApiGivesTheFiguresAndRebuilds() {
		var issues = new TestIssues(http());
		JsonNode report = issues.read(http().api("GET", "/api/v1/issues/" + this.fixture.issueId + "/report").body());
		assertThat(report.get("sent").asLong()).isEqualTo(9);
		assertThat(report.get("uniqueOpensHuman").asLong()).isEqualTo(5);
		assertThat(report.get("uniqueOpensMachineOnly").asLong()).isEqualTo(2);
		assertThat(report.get("uniqueOpensTotal").asLong()).isEqualTo(7);
		assertThat(report.get("clickToOpenRate").asDouble()).isCloseTo(0.4, within(1e-9));
		assertThat(report.get("complaints").asLong()).isEqualTo(1);

		JsonNode links = issues.read(http().api("GET", "/api/v1/issues/" + this.fixture.issueId + "/report/links").body());
		assertThat(links.get(0).get("url").asString()).isEqualTo(ReportFixture.LINK_A);
		var breakdown = http().api("GET", "/api/v1/issues/" + this.fixture.issueId + "/report/breakdown?by=secteur");
		assertThat(breakdown.statusCode()).isEqualTo(200);
		assertThat(http().api("GET", "/api/v1/issues/" + this.fixture.issueId + "/report/breakdown?by=pointure")
			.statusCode()).isEqualTo(400);
		assertThat(http().api("GET", "/api/v1/issues/" + this.fixture.issueId + "/report/timeline").statusCode())
			.isEqualTo(200);
		JsonNode trend = issues.read(http().api("GET", "/api/v1/reports/trend").body());
		assertThat(trend.get("issues").valueStream().map(p -> p.get("issueId").asString()))
			.contains(this.fixture.issueId);

		var rebuilt = http().api("POST", "/api/v1/issues/" + this.fixture.issueId + "/report/rebuild");
		assertThat(rebuilt.statusCode()).isEqualTo(200);
		assertThat(issues.read(rebuilt.body()).get("read").asLong()).isEqualTo(5);
		assertThat(http().api("POST", "/api/v1/issues/aaaaaaaaaaaaaaaaaaaaaaaa/report/rebuild").statusCode())
			.isEqualTo(404);
	}

	@Test
	void csvExportsKeepTheirAccents() {
		var admin = AdminSession.login(this.port);
		var download = admin.download("/admin/issues/" + this.fixture.issueId + "/report/breakdown.csv?by=entreprise");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
			.startsWith("text/csv").contains("UTF-8"));
		byte[] body = download.body();
		assertThat(Arrays.copyOf(body, 3)).as("byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
		String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
		assertThat(csv).startsWith("entreprise,destinataires,envoyés,ouvertures_uniques,taux_ouverture,cliqueurs,taux_clic")
			.contains("Aciers Éclair inc.,2,2,2,1.0000,1,0.5000")
			.contains("Câbles Québec,3,3,3,1.0000,1,0.3333");

		String links = new String(admin.download("/admin/issues/" + this.fixture.issueId + "/report/links.csv").body(),
				StandardCharsets.UTF_8);
		assertThat(links).contains("https://exemple.ca/événements?lieu=Alma,2,1,1");

		byte[] api = http().apiBytes("/api/v1/issues/" + this.fixture.issueId + "/report.csv").body();
		assertThat(new String(api, StandardCharsets.UTF_8)).startsWith("\uFEFFmesure,valeur")
			.contains("taux_clic_ouverture,0.4000")
			.contains("plaintes,1");
	}

	@Test
	void theReportPageShowsTheFiguresInFrenchAndInEnglish() {
		var admin = AdminSession.login(this.port);
		var page = admin.page("/admin/issues/" + this.fixture.issueId + "/report");
		assertThat(page.getElementById("fig-recipients").text()).isEqualTo("12");
		assertThat(page.getElementById("fig-sent").text()).isEqualTo("9");
		assertThat(page.getElementById("fig-read").text()).isEqualTo("5");
		assertThat(page.getElementById("fig-machine").text()).isEqualTo("2");
		assertThat(page.getElementById("fig-seen").text()).isEqualTo("7");
		assertThat(page.getElementById("fig-clicked").text()).isEqualTo("2");
		assertThat(page.getElementById("fig-complaints").text()).isEqualTo("1");
		assertThat(page.getElementById("classification-rules").text()).contains("Réseau d’Apple (17.0.0.0/8)");
		assertThat(page.getElementById("links").text()).contains(ReportFixture.LINK_A);
		assertThat(page.getElementById("opens-chart").attr("data-chart")).contains("Nouveaux lecteurs");
		assertThat(page.select("script[src*=chart.umd]")).isNotEmpty();

		var english = admin.page("/admin/issues/" + this.fixture.issueId + "/report?lang=en");
		assertThat(english.select("h2").eachText()).contains("Unique opens", "Clicks per link");
		admin.page("/admin/issues/" + this.fixture.issueId + "/report?lang=fr");

		var companies = admin.page("/admin/issues/" + this.fixture.issueId + "/report/breakdown?by=entreprise");
		assertThat(companies.getElementById("companies-readers").text()).contains("Aciers Éclair inc.", "Câbles Québec");
		assertThat(companies.getElementById("companies-non-readers").text()).contains("Bois Ébène")
			.doesNotContain("Câbles Québec");

		var trend = admin.page("/admin/reports");
		assertThat(trend.getElementById("trend").text()).contains(this.issues.get(this.fixture.issueId).getTitle());
	}

	@Test
	void inactiveSubscribersAndEngagementComeFromTheLedger() {
		assertThat(this.engagement.available()).isTrue();
		String d2 = this.mongo.findById(this.fixture.id(2), org.bson.Document.class, "deliveries").getString("subscriberId");
		assertThat(this.engagement.history(d2)).singleElement().satisfies(row -> {
			assertThat(row.issueId()).isEqualTo(this.fixture.issueId);
			assertThat(row.received()).isTrue();
			assertThat(row.readAt()).as("Apple's proxy is not a reader").isNull();
		});
		String d4 = this.mongo.findById(this.fixture.id(4), org.bson.Document.class, "deliveries").getString("subscriberId");
		assertThat(this.engagement.history(d4)).singleElement().satisfies(row -> {
			assertThat(row.readAt()).as("a click is a read").isNotNull();
			assertThat(row.clickedAt()).isNotNull();
		});

		// the fixture's issue is the last one sent: of its members, those it reached who read nothing,
		// still active: d2 (Apple only), d6 (a scanner), d7 (left the issue's list only); not d11 (complained)
		var inactive = this.engagement.inactiveFor(1)
			.stream()
			.map(InactiveSubscriber::email)
			.filter(this.fixture.emails::contains)
			.toList();
		assertThat(inactive).containsExactly(this.fixture.emails.get(2), this.fixture.emails.get(6),
				this.fixture.emails.get(7));

		var admin = AdminSession.login(this.port);
		var page = admin.page("/admin/reports/subscribers?issues=1&email=" + this.fixture.emails.get(4));
		assertThat(page.getElementById("inactive").text()).contains(this.fixture.emails.get(2));
		assertThat(page.getElementById("engagement-summary").text()).isEqualTo("1 numéros reçus, 1 lus, 1 cliqués.");
		String csv = new String(admin.download("/admin/reports/inactive.csv?issues=1").body(), StandardCharsets.UTF_8);
		assertThat(csv).contains(this.fixture.emails.get(6) + ",Hélène Côté,Fromagerie du Lac");
	}

}
