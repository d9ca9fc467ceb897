package io.infolettre.newsletter.api;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestIssues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduling, series and the calendar through the API, on the real clock (times in 2027). */
class ScheduleApiIntegrationTests extends AbstractIntegrationTests {

	private final String list = "prevu-" + UUID.randomUUID().toString().substring(0, 8);

	private TestIssues issues;

	@BeforeEach
	void client() {
		this.issues = new TestIssues(http());
	}

	@Test
	void aTimeInTheSpringGapIsSentAsMuchLaterAndTheResponseSaysSo() {
		String id = this.issues.draftFor(this.list, members(2));

		var response = schedule(id, """
				{"date":"2027-03-14","time":"02:30"}""");

		assertThat(response.get("status").asString()).isEqualTo("SCHEDULED");
		JsonNode schedule = response.get("schedule");
		assertThat(schedule.get("zone").asString()).as("Quebec time by default").isEqualTo("America/Toronto");
		assertThat(schedule.get("adjustment").asString()).isEqualTo("MOVED_FORWARD");
		assertThat(schedule.get("dueAt").asString()).as("3:30 daylight time").isEqualTo("2027-03-14T07:30:00Z");

		var twice = schedule(id, """
				{"date":"2027-11-07","time":"01:30","zone":"America/Toronto"}""");
		assertThat(twice.get("schedule").get("adjustment").asString()).isEqualTo("FIRST_OF_TWO");
		assertThat(twice.get("scheduledAt").asString()).isEqualTo("2027-11-07T05:30:00Z");
	}

	@Test
	void aScheduledIssueWithAWindowIsOnTheCalendarUntilItIsUnscheduled() {
		String id = this.issues.draftFor(this.list, members(2));

		var response = schedule(id, """
				{"date":"2027-01-16","time":"10:00",
				 "window":{"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],"opens":"08:00","closes":"17:00"}}""");

		assertThat(response.get("schedule").get("dueAt").asString()).as("a Saturday: Monday's opening")
			.isEqualTo("2027-01-18T13:00:00Z");
		assertThat(calendarEntriesFor(id, 400)).singleElement()
			.satisfies(entry -> assertThat(entry.get("kind").asString()).isEqualTo("WAITING_FOR_WINDOW"));

		var draft = http().api("DELETE", "/api/v1/issues/" + id + "/schedule");
		assertThat(draft.statusCode()).isEqualTo(200);
		assertThat(this.issues.read(draft.body()).get("status").asString()).isEqualTo("DRAFT");
		assertThat(this.issues.read(draft.body()).get("schedule").isNull()).as("its window forgotten too").isTrue();
		assertThat(calendarEntriesFor(id, 400)).isEmpty();
		assertThat(http().api("DELETE", "/api/v1/issues/" + id + "/schedule").statusCode()).as("a draft already")
			.isEqualTo(409);
	}

	@Test
	void timesInThePastAndWindowsThatNeverOpenAreRefused() {
		String id = this.issues.draftFor(this.list, members(1));

		var past = http().api("PUT", "/api/v1/issues/" + id + "/schedule", """
				{"date":"2020-01-01","time":"09:00"}""");
		assertThat(past.statusCode()).isEqualTo(400);
		assertThat(past.body()).contains("futur");
		var window = http().api("PUT", "/api/v1/issues/" + id + "/schedule", """
				{"date":"2027-01-05","time":"09:00","window":{"days":["MONDAY"],"opens":"17:00","closes":"08:00"}}""");
		assertThat(window.statusCode()).isEqualTo(400);
		assertThat(window.body()).contains("fenêtre");
		var zone = http().api("PUT", "/api/v1/issues/" + id + "/schedule", """
				{"date":"2027-01-05","time":"09:00","zone":"Mars/Olympus"}""");
		assertThat(zone.statusCode()).isEqualTo(400);
		assertThat(this.issues.status(id)).isEqualTo("DRAFT");
	}

	@Test
	void aSeriesShowsItsNextOccurrencesAndTheCalendarToo() {
		String model = this.issues.draftFor(this.list, members(1));

		var created = http().api("POST", "/api/v1/series", """
				{"name":"Infolettre du 2e mardi","modelIssueId":"%s","frequency":"MONTHLY_ON_WEEKDAY",
				 "weekOfMonth":2,"dayOfWeek":"TUESDAY","time":"09:00","startsOn":"2027-01-01"}""".formatted(model));

		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode series = this.issues.read(created.body());
		assertThat(series.get("mode").asString()).isEqualTo("DRAFT_FOR_REVIEW");
		assertThat(series.get("upcoming")).hasSize(12);
		assertThat(series.get("upcoming").get(0).get("time").get("date").asString()).isEqualTo("2027-01-12");
		assertThat(series.get("upcoming").get(0).get("at").asString()).isEqualTo("2027-01-12T14:00:00Z");
		assertThat(series.get("upcoming").get(3).get("at").asString()).as("daylight time")
			.isEqualTo("2027-04-13T13:00:00Z");
		String seriesId = series.get("id").asString();
		var calendar = this.issues.read(http().api("GET", "/api/v1/calendar?days=366").body()).get("upcoming");
		assertThat(calendar.valueStream().filter(e -> seriesId.equals(e.get("seriesId").asString()))).isNotEmpty();

		var invalid = http().api("POST", "/api/v1/series", """
				{"name":"Impossible","modelIssueId":"%s","frequency":"MONTHLY_ON_DAY","dayOfMonth":32,"time":"09:00"}"""
			.formatted(model));
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(http().api("POST", "/api/v1/series/" + seriesId + "/pause").statusCode()).isEqualTo(200);
		assertThat(this.issues.read(http().api("GET", "/api/v1/series/" + seriesId).body()).get("upcoming")).isEmpty();
		assertThat(http().api("DELETE", "/api/v1/series/" + seriesId).statusCode()).isEqualTo(204);
		assertThat(http().api("GET", "/api/v1/series/" + seriesId).statusCode()).isEqualTo(404);
	}

	private JsonNode schedule(String id, String json) {
		var response = http().api("PUT", "/api/v1/issues/" + id + "/schedule", json);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return this.issues.read(response.body());
	}

	private List<JsonNode> calendarEntriesFor(String issueId, int days) {
		var calendar = this.issues.read(http().api("GET", "/api/v1/calendar?days=" + days).body()).get("upcoming");
		return calendar.valueStream().filter(entry -> issueId.equals(entry.get("issueId").asString())).toList();
	}

	private List<String> members(int count) {
		return IntStream.range(0, count).mapToObj(i -> this.list + "-" + i + "@exemple.ca").toList();
	}

}
