package io.infolettre.newsletter.series;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.infolettre.newsletter.delivery.SendRefusedException;
import io.infolettre.newsletter.issue.ApprovalMissingException;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueNotFoundException;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.issue.SendWindow;
import io.infolettre.newsletter.scheduling.IssueSending;
import io.infolettre.newsletter.series.internal.SeriesRepository;
import io.infolettre.newsletter.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * The series use cases, and making each occurrence's issue exactly once: the issue's id is derived
 * from the series and the occurrence, so a second attempt (after a crash, or by another instance)
 * finds it instead of making another; the series then advances under its version.
 */
@Service
public class SeriesManagement {

	private static final Logger log = LoggerFactory.getLogger(SeriesManagement.class);

	private static final DateTimeFormatter TITLE_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.CANADA_FRENCH);

	private final SeriesRepository series;

	private final IssueManagement issues;

	private final IssueSending sending;

	private final Clock clock;

	SeriesManagement(SeriesRepository series, IssueManagement issues, IssueSending sending, Clock clock) {
		this.series = series;
		this.issues = issues;
		this.sending = sending;
		this.clock = clock;
	}

	/**
	 * @throws IssueNotFoundException when the model issue does not exist
	 * @throws IllegalArgumentException when the rule or a setting is not valid
	 */
	public Series create(String name, String modelIssueId, Recurrence recurrence, SeriesMode mode, int leadDays,
			SendWindow window) {
		this.issues.get(modelIssueId);
		Series created = this.series.save(new Series(name, modelIssueId, recurrence, mode, leadDays, window,
				this.clock.instant()));
		// its first occurrence may already be within its lead time
		makeDueIssues();
		return get(created.getId());
	}

	public Series get(String id) {
		return this.series.findById(id).orElseThrow(() -> new SeriesNotFoundException(id));
	}

	public List<Series> all() {
		return this.series.findAllByOrderByNameAsc();
	}

	public Series pause(String id) {
		Series series = get(id);
		series.pause(this.clock.instant());
		return this.series.save(series);
	}

	public Series activate(String id) {
		Series series = get(id);
		series.activate(this.clock.instant());
		Series saved = this.series.save(series);
		makeDueIssues();
		return saved;
	}

	/** Stops the series; the issues it made stay. */
	public void delete(String id) {
		this.series.deleteById(id);
	}

	/** The next occurrences of an active series, as they will be sent. */
	public List<SendTime> upcoming(Series series, int count) {
		if (!series.isActive()) {
			return List.of();
		}
		var next = series.getNextOccurrence();
		var occurrences = new ArrayList<SendTime>(count);
		occurrences.add(next);
		occurrences.addAll(series.getRecurrence().occurrencesAfter(next.local(), Math.max(0, count - 1)));
		return occurrences;
	}

	/** Makes the issues whose time to be made has come, for every active series. */
	public void makeDueIssues() {
		for (Series series : this.series.findByActiveTrue()) {
			try {
				while (series.isActive() && !series.nextCreationAt().isAfter(this.clock.instant())) {
					series = makeNextIssue(series);
				}
			}
			catch (OptimisticLockingFailureException ex) {
				log.info("Series {} advanced by another instance meanwhile", series.getId());
			}
			catch (RuntimeException ex) {
				log.error("Cannot make the next issue of series {}", series.getId(), ex);
			}
		}
	}

	private Series makeNextIssue(Series series) {
		Instant now = this.clock.instant();
		SendTime occurrence = series.getNextOccurrence();
		if (occurrence.instant().isBefore(now.plus(Series.LEAST_LEAD))) {
			// the application was down from before its time to be made until too close to its send
			series.advance(null, false, "Occurrence du " + TITLE_DATE.format(occurrence.date())
					+ " sautée : l'application était arrêtée au moment de préparer le numéro.", now);
			return this.series.save(series);
		}
		Optional<Issue> model = this.issues.find(series.getModelIssueId());
		if (model.isEmpty()) {
			series.pause(now);
			series.advance(null, false, "Le numéro modèle n'existe plus : série suspendue.", now);
			return this.series.save(series);
		}
		String issueId = occurrenceIssueId(series.getId(), occurrence);
		String title = series.getName() + " – " + TITLE_DATE.format(occurrence.date());
		boolean created = this.issues
			.createSeriesDraft(issueId, title, model.get(), series.getId())
			.isPresent();
		String problem = null;
		if (series.getMode() == SeriesMode.SCHEDULE_AUTOMATICALLY
				&& this.issues.get(issueId).getStatus() == IssueStatus.DRAFT) {
			try {
				this.sending.schedule(issueId, occurrence, series.getWindow());
			}
			catch (ApprovalMissingException ex) {
				// the team approves every send: the series asks for it, with the occurrence as the wished time
				this.issues.submit(issueId, Actor.SYSTEM, occurrence, "Numéro de la série « " + series.getName() + " »");
				problem = "Numéro « " + title + " » soumis pour approbation : il sera programmé une fois approuvé.";
			}
			catch (SendRefusedException | IllegalArgumentException ex) {
				problem = "Numéro « " + title + " » laissé en brouillon : " + ex.getMessage();
				log.warn("Series {}: {}", series.getId(), problem);
			}
		}
		series.advance(issueId, created, problem, now);
		log.info("Series {}: issue {} made for {}", series.getId(), issueId, occurrence);
		return this.series.save(series);
	}

	/**
	 * The id of the issue of one occurrence: an ObjectId whose time is the occurrence's and whose
	 * other bytes come from the series and the occurrence, the same on every instance.
	 */
	static String occurrenceIssueId(String seriesId, SendTime occurrence) {
		byte[] digest = sha256(seriesId + "|" + occurrence.local() + "|" + occurrence.zone().getId());
		byte[] bytes = new byte[12];
		int seconds = (int) occurrence.instant().getEpochSecond();
		bytes[0] = (byte) (seconds >>> 24);
		bytes[1] = (byte) (seconds >>> 16);
		bytes[2] = (byte) (seconds >>> 8);
		bytes[3] = (byte) seconds;
		System.arraycopy(Arrays.copyOf(digest, 8), 0, bytes, 4, 8);
		return HexFormat.of().formatHex(bytes);
	}

	private static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
