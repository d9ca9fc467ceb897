package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An import as it runs and once it ran, kept in MongoDB so that a reload (or another application
 * node) sees it. Counts are of rows: a row is added, updated, left unchanged, unsubscribed or
 * rejected. Of the refused rows (and of those imported with a warning) only the first ones are kept
 * with their line and reasons ({@code newsletter.imports.rows-kept}); every refusal is counted, by
 * reason.
 *
 * @param bytesRead how far into the file the import is (the progress bar)
 * @param rejectedKept how many of the refused rows are kept, the first ones in line order
 * @param refusals how many refused rows had each reason (a row with several reasons counts under
 * each)
 * @param warned rows imported without some of their values
 * @param warnedKept how many of those are kept with their warnings
 * @param error why the whole import failed (unreadable file) or stopped; null otherwise
 */
public record SubscriberImportJob(String id, String fileName, ImportMode mode, Status status, long bytesTotal,
		long bytesRead, long rows, long added, long updated, long unchanged, long unsubscribed, long rejected,
		long rejectedKept, Map<RefusalReason, Long> refusals, long warned, long warnedKept, Instant createdAt,
		Instant finishedAt, String error) {

	public SubscriberImportJob {
		refusals = refusals == null ? Map.of() : Map.copyOf(refusals);
	}

	public enum Status {

		QUEUED, RUNNING, DONE,

		/**
		 * Stopped because almost every row of its first ones was refused for its form (the separator,
		 * the encoding or the mapping is wrong); what was imported before stays.
		 */
		STOPPED,

		FAILED;

		public boolean isFinished() {
			return this == DONE || this == STOPPED || this == FAILED;
		}

	}

	/** 0 to 100. */
	public int percent() {
		if (this.status == Status.DONE) {
			return 100;
		}
		return this.bytesTotal <= 0 ? 0 : (int) Math.min(99, this.bytesRead * 100 / this.bytesTotal);
	}

	public boolean isFinished() {
		return this.status.isFinished();
	}

	/** The reasons of the refusals, the most frequent first. */
	public List<Map.Entry<RefusalReason, Long>> refusalsByCount() {
		return this.refusals.entrySet()
			.stream()
			.sorted(Map.Entry.<RefusalReason, Long>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.toList();
	}

	/** Percentage of the rows read that were refused, rounded down. */
	public long rejectedPercent() {
		return this.rows == 0 ? 0 : this.rejected * 100 / this.rows;
	}

}
