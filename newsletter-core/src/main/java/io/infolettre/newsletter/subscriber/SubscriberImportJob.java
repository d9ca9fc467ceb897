package io.infolettre.newsletter.subscriber;

import java.time.Instant;

/**
 * An import as it runs and once it ran, kept in MongoDB so that a reload (or another application
 * node) sees it. Counts are of rows: a row is added, updated, left unchanged, unsubscribed or
 * rejected.
 *
 * @param bytesRead how far into the file the import is (the progress bar)
 * @param error why the whole import failed (unreadable file); null otherwise
 */
public record SubscriberImportJob(String id, String fileName, ImportMode mode, Status status, long bytesTotal,
		long bytesRead, long rows, long added, long updated, long unchanged, long unsubscribed, long rejected,
		Instant createdAt, Instant finishedAt, String error) {

	public enum Status {

		QUEUED, RUNNING, DONE, FAILED;

		public boolean isFinished() {
			return this == DONE || this == FAILED;
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

}
