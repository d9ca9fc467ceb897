package io.infolettre.newsletter.scheduling.internal;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.fixtures.MutableClock;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.issue.SendWindow;
import io.infolettre.newsletter.scheduling.IssueSending;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.series.CalendarEntry;
import io.infolettre.newsletter.series.Recurrence;
import io.infolettre.newsletter.series.SendCalendar;
import io.infolettre.newsletter.series.Series;
import io.infolettre.newsletter.series.SeriesManagement;
import io.infolettre.newsletter.series.SeriesMode;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.NewsletterIntegrationTest;
import io.infolettre.newsletter.support.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scheduling against the whole application, with time moved by hand (a {@link MutableClock}): when
 * a trigger fires, the issue in MongoDB decides. The triggers are fired by calling the launcher, as
 * Quartz does, so nothing waits for the time to come.
 */
@NewsletterIntegrationTest
@TestPropertySource(properties = "newsletter.scheduling.sync-interval=1h")
@Import(SchedulingIntegrationTests.MovableTime.class)
class SchedulingIntegrationTests {

	private static final Path DATA_DIR = AbstractIntegrationTests.createDataDir();

	@Autowired
	private MutableClock clock;

	@Autowired
	private IssueSending sending;

	@Autowired
	private IssueManagement issues;

	@Autowired
	private SubscriberManagement subscribers;

	@Autowired
	private Deliveries deliveries;

	@Autowired
	private SendLauncher launcher;

	@Autowired
	private QuartzSendTrigger trigger;

	@Autowired
	private SchedulesFromDatabase schedules;

	@Autowired
	private SendCalendar calendar;

	@Autowired
	private SeriesManagement series;

	@DynamicPropertySource
	static void runtimeProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", TestMailServer::port);
		registry.add("newsletter.data-dir", DATA_DIR::toString);
	}

	@Test
	void aRescheduledIssueIgnoresItsOldTriggerAndSendsOnceAtItsNewTime() {
		this.clock.set(quebec("2027-01-04T08:00"));
		Issue issue = draftFor("reprogramme", 3);
		this.sending.schedule(issue.getId(), time("2027-01-05T09:00"), null);
		this.sending.schedule(issue.getId(), time("2027-01-06T09:00"), null);

		// the old time comes: a trigger left over (another instance's, say) fires, nothing is sent
		this.clock.set(quebec("2027-01-05T09:01"));
		this.launcher.launch(issue.getId());
		this.schedules.synchronize();
		assertThat(this.issues.get(issue.getId()).getStatus()).isEqualTo(IssueStatus.SCHEDULED);
		assertThat(this.deliveries.progress(issue.getId()).total()).isZero();
		assertThat(this.trigger.nextFireTime(issue.getId())).get()
			.satisfies(next -> assertThat(Duration.between(next, quebec("2027-01-06T09:00")).abs())
				.isLessThan(Duration.ofSeconds(2)));

		this.clock.set(quebec("2027-01-06T09:00"));
		this.launcher.launch(issue.getId());
		this.launcher.launch(issue.getId());

		assertThat(this.issues.get(issue.getId()).getStatus()).isEqualTo(IssueStatus.SENT);
		assertThat(TestMailServer.receivedPerRecipient("reprogramme-")).hasSize(3)
			.allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
	}

	@Test
	void aSendDueWithinTheGracePeriodGoesOutLateAndOneDueLongerAgoIsMissed() {
		this.clock.set(quebec("2027-01-11T08:00"));
		Issue late = draftFor("en-retard", 2);
		Issue missed = draftFor("manque", 2);
		this.sending.schedule(late.getId(), time("2027-01-12T09:00"), null);
		this.sending.schedule(missed.getId(), time("2027-01-12T09:00"), null);

		// the application was down: it looks again 50 minutes late for one, two hours late for the other
		this.clock.set(quebec("2027-01-12T09:50"));
		this.launcher.launch(late.getId());
		this.clock.set(quebec("2027-01-12T11:00"));
		this.launcher.launch(missed.getId());

		assertThat(this.issues.get(late.getId()).getStatus()).isEqualTo(IssueStatus.SENT);
		assertThat(TestMailServer.receivedPerRecipient("en-retard-")).hasSize(2);
		Issue marked = this.issues.get(missed.getId());
		assertThat(marked.getStatus()).isEqualTo(IssueStatus.MISSED);
		assertThat(marked.getMissedAt()).isEqualTo(quebec("2027-01-12T11:00"));
		assertThat(this.deliveries.progress(missed.getId()).total()).as("nobody received it").isZero();
		assertThat(TestMailServer.receivedPerRecipient("manque-")).isEmpty();
		assertThat(this.calendar.missed()).extracting(Issue::getId).contains(missed.getId());

		// the coordinator decides: send it now
		this.sending.sendNow(missed.getId());
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.issues.get(missed.getId()).getStatus() == IssueStatus.SENT);
		assertThat(TestMailServer.receivedPerRecipient("manque-")).hasSize(2)
			.allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
	}

	@Test
	void aSendOutsideItsWindowWaitsForItsOpening() {
		var weekdays = SendWindow.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0), SendTime.QUEBEC);
		this.clock.set(quebec("2027-01-16T09:00")); // a Saturday
		Issue issue = draftFor("samedi", 3);
		this.sending.schedule(issue.getId(), time("2027-01-16T10:00"), weekdays);
		assertThat(this.issues.get(issue.getId()).dueAt()).as("Monday's opening").isEqualTo(quebec("2027-01-18T08:00"));
		assertThat(this.calendar.upcoming(Duration.ofDays(7))).filteredOn(e -> issue.getId().equals(e.issueId()))
			.singleElement()
			.extracting(CalendarEntry::kind)
			.isEqualTo(CalendarEntry.Kind.WAITING_FOR_WINDOW);

		this.clock.set(quebec("2027-01-16T10:00"));
		this.launcher.launch(issue.getId());
		assertThat(this.deliveries.progress(issue.getId()).total()).as("nothing on a Saturday").isZero();
		assertThat(this.issues.get(issue.getId()).getStatus()).isEqualTo(IssueStatus.SCHEDULED);

		this.clock.set(quebec("2027-01-18T08:00"));
		this.launcher.launch(issue.getId());
		assertThat(this.issues.get(issue.getId()).getStatus()).isEqualTo(IssueStatus.SENT);
		assertThat(TestMailServer.receivedPerRecipient("samedi-")).hasSize(3);
	}

	@Test
	void aSendReachingTheEndOfItsWindowPausesAndResumesAtTheNextOpeningWithEveryoneOnce() throws Exception {
		var weekdays = SendWindow.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0), SendTime.QUEBEC);
		this.clock.set(quebec("2027-01-25T16:00"));
		Issue issue = draftFor("fenetre", 1200);
		this.sending.schedule(issue.getId(), time("2027-01-25T16:59"), weekdays);

		// Monday 16:59: it starts, and the window closes while it sends
		this.clock.set(quebec("2027-01-25T16:59"));
		var send = CompletableFuture.runAsync(() -> this.launcher.launch(issue.getId()));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> TestMailServer.receivedPerRecipient("fenetre-").size() >= 50);
		this.clock.set(quebec("2027-01-25T17:00"));
		send.get();

		Issue paused = this.issues.get(issue.getId());
		assertThat(paused.getStatus()).isEqualTo(IssueStatus.PAUSED);
		assertThat(paused.getResumeAt()).as("Tuesday's opening").isEqualTo(quebec("2027-01-26T08:00"));
		assertThat(paused.getPauseReason()).contains("Fenêtre d'envoi fermée").contains("mardi 26 janvier à 8 h 00");
		long sentMonday = this.deliveries.progress(issue.getId()).sent();
		assertThat(sentMonday).isGreaterThanOrEqualTo(50).isLessThan(1200);
		assertThat(TestMailServer.receivedPerRecipient("fenetre-")).hasSize((int) sentMonday);
		assertThat(this.calendar.upcoming(Duration.ofDays(2))).filteredOn(e -> issue.getId().equals(e.issueId()))
			.singleElement()
			.extracting(CalendarEntry::kind)
			.isEqualTo(CalendarEntry.Kind.RESUMING);

		// Tuesday 8:00: it resumes by itself where it stopped
		this.clock.set(quebec("2027-01-26T08:00"));
		this.launcher.launch(issue.getId());

		assertThat(this.issues.get(issue.getId()).getStatus()).isEqualTo(IssueStatus.SENT);
		assertThat(TestMailServer.receivedPerRecipient("fenetre-")).hasSize(1200)
			.allSatisfy((to, count) -> assertThat(count).isEqualTo(1));
	}

	@Test
	void aSeriesMakesAndSchedulesEachOccurrenceOfAYearOnceWithTheRightTimes() {
		this.clock.set(quebec("2028-01-01T00:00"));
		Issue model = draftFor("serie", 2);
		var rule = Recurrence.monthlyOnWeekday(1, 2, DayOfWeek.TUESDAY, LocalTime.of(9, 0), SendTime.QUEBEC,
				LocalDate.parse("2028-01-01"));
		Series series = this.series.create("Infolettre mensuelle", model.getId(), rule, SeriesMode.SCHEDULE_AUTOMATICALLY,
				7, null);
		assertThat(series.getNextOccurrence()).isEqualTo(time("2028-01-11T09:00"));

		List<Issue> made = new ArrayList<>();
		for (int month = 0; month < 12; month++) {
			Series current = this.series.get(series.getId());
			this.clock.set(current.nextCreationAt());
			this.series.makeDueIssues();
			this.series.makeDueIssues();
			made.add(this.issues.get(this.series.get(series.getId()).getLastIssueId()));
		}

		assertThat(made).extracting(Issue::getScheduledAt)
			.containsExactly(quebec("2028-01-11T09:00"), quebec("2028-02-08T09:00"), quebec("2028-03-14T09:00"),
					quebec("2028-04-11T09:00"), quebec("2028-05-09T09:00"), quebec("2028-06-13T09:00"),
					quebec("2028-07-11T09:00"), quebec("2028-08-08T09:00"), quebec("2028-09-12T09:00"),
					quebec("2028-10-10T09:00"), quebec("2028-11-14T09:00"), quebec("2028-12-12T09:00"));
		assertThat(made).allSatisfy(issue -> {
			assertThat(issue.getStatus()).isEqualTo(IssueStatus.SCHEDULED);
			assertThat(issue.getSeriesId()).isEqualTo(series.getId());
			assertThat(issue.getContent()).isEqualTo(model.getContent());
		});
		assertThat(made.get(0).getTitle()).isEqualTo("Infolettre mensuelle – 11 janvier 2028");
		assertThat(this.series.get(series.getId()).getIssuesCreated()).as("each occurrence made once").isEqualTo(12);
		assertThat(this.issues.withStatus(IssueStatus.SCHEDULED)).filteredOn(i -> series.getId().equals(i.getSeriesId()))
			.hasSize(12);
		made.forEach(issue -> this.sending.unschedule(issue.getId()));
	}

	private Issue draftFor(String list, int members) {
		this.subscribers.addAll(IntStream.range(0, members)
			.mapToObj(i -> SubscriberFixtures.member(list + "-" + i + "@exemple.ca", "Hélène", "Tremblay", "Usine", list))
			.toList());
		return this.issues.createDraft("Infolettre " + list, IssueFixtures.infolettre(), Audience.list(list));
	}


	private static SendTime time(String local) {
		return SendTime.of(LocalDateTime.parse(local), SendTime.QUEBEC);
	}

	private static Instant quebec(String local) {
		return time(local).instant();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableTime {

		@Bean
		@Primary
		MutableClock movableClock() {
			return new MutableClock(Instant.parse("2027-01-04T13:00:00Z"), ZoneOffset.UTC);
		}

	}

}
