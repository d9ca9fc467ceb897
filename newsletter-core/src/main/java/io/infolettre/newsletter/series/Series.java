package io.infolettre.newsletter.series;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.issue.SendWindow;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A recurring issue: on each occurrence of its rule, a new issue is made from the model issue
 * ({@code leadDays} before, at least an hour before), left as a draft for review or scheduled at once.
 * The version makes each occurrence advance once, whichever instance gets there first.
 */
@Document("series")
public class Series {

	/** The least time between making an issue and its send. */
	static final Duration LEAST_LEAD = Duration.ofHours(1);

	@Id
	private String id;

	@Version
	private Long version;

	private String name;

	private String modelIssueId;

	private Recurrence recurrence;

	private SeriesMode mode;

	private int leadDays;

	private SendWindow window;

	private boolean active;

	private SendTime nextOccurrence;

	private String lastIssueId;

	private String lastProblem;

	private int issuesCreated;

	private Instant createdAt;

	private Instant updatedAt;

	@PersistenceCreator
	Series() {
	}

	Series(String name, String modelIssueId, Recurrence recurrence, SeriesMode mode, int leadDays, SendWindow window,
			Instant now) {
		this.name = requireText(name);
		this.modelIssueId = Objects.requireNonNull(modelIssueId);
		this.recurrence = Objects.requireNonNull(recurrence);
		this.mode = Objects.requireNonNull(mode);
		if (leadDays < 0 || leadDays > 60) {
			throw new IllegalArgumentException("Le délai de création doit être entre 0 et 60 jours");
		}
		this.leadDays = leadDays;
		this.window = window;
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
		this.nextOccurrence = firstOccurrenceAfter(now);
	}

	/** When the issue of the next occurrence is made. */
	public Instant nextCreationAt() {
		Duration lead = Duration.ofDays(this.leadDays);
		return this.nextOccurrence.instant().minus(lead.compareTo(LEAST_LEAD) < 0 ? LEAST_LEAD : lead);
	}

	void advance(String issueId, boolean created, String problem, Instant now) {
		this.nextOccurrence = SendTime.of(this.recurrence.nextAfter(this.nextOccurrence.local()), this.recurrence.zone());
		this.lastIssueId = issueId == null ? this.lastIssueId : issueId;
		this.lastProblem = problem;
		this.issuesCreated += created ? 1 : 0;
		this.updatedAt = now;
	}

	void pause(Instant now) {
		this.active = false;
		this.updatedAt = now;
	}

	/** Active again from the first occurrence still far enough ahead. */
	void activate(Instant now) {
		this.active = true;
		this.lastProblem = null;
		this.nextOccurrence = firstOccurrenceAfter(now);
		this.updatedAt = now;
	}

	private SendTime firstOccurrenceAfter(Instant now) {
		LocalDateTime cursor = LocalDateTime.ofInstant(now, this.recurrence.zone());
		SendTime next = SendTime.of(this.recurrence.nextAfter(cursor), this.recurrence.zone());
		while (next.instant().minus(LEAST_LEAD).isBefore(now)) {
			next = SendTime.of(this.recurrence.nextAfter(next.local()), this.recurrence.zone());
		}
		return next;
	}

	private static String requireText(String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Donnez un nom à la série");
		}
		return value.strip();
	}

	public String getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getModelIssueId() {
		return this.modelIssueId;
	}

	public Recurrence getRecurrence() {
		return this.recurrence;
	}

	public SeriesMode getMode() {
		return this.mode;
	}

	public int getLeadDays() {
		return this.leadDays;
	}

	public SendWindow getWindow() {
		return this.window;
	}

	public boolean isActive() {
		return this.active;
	}

	public SendTime getNextOccurrence() {
		return this.nextOccurrence;
	}

	public String getLastIssueId() {
		return this.lastIssueId;
	}

	/** Why the last occurrence did not go as set (left as a draft, missed); {@code null} when it did. */
	public String getLastProblem() {
		return this.lastProblem;
	}

	public int getIssuesCreated() {
		return this.issuesCreated;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
