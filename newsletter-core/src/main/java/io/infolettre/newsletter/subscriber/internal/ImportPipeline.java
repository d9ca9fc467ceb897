package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import io.infolettre.newsletter.subscriber.SubscriberImportJob.Status;
import io.infolettre.newsletter.subscriber.SubscriberImportOptions;

/**
 * One import's batches on their way to the database: each is written on a writing thread while the
 * next is read, {@value #IN_FLIGHT} at most, so that the server works on one while the other is
 * mapped. Batches never share an address (duplicates in the file are refused before), so they can be
 * written in any order; they are counted in the order they were read, so that the rows kept are the
 * file's first ones, and the job's progress is recorded as each is counted.
 */
final class ImportPipeline {

	static final int IN_FLIGHT = 2;

	private final Deque<ImportBatch> inFlight = new ArrayDeque<>(IN_FLIGHT);

	private final ExecutorService writers;

	private final ImportWriter writer;

	private final ImportJobStore jobs;

	private final String jobId;

	private final SubscriberImportOptions options;

	private final Instant now;

	private final ImportJobStore.Counts total;

	private final KeptRows kept;

	private final EnsuredCompanies companies = new EnsuredCompanies();

	ImportPipeline(ExecutorService writers, ImportWriter writer, ImportJobStore jobs, String jobId,
			SubscriberImportOptions options, Instant now, ImportJobStore.Counts total, KeptRows kept) {
		this.writers = writers;
		this.writer = writer;
		this.jobs = jobs;
		this.jobId = jobId;
		this.options = options;
		this.now = now;
		this.total = total;
		this.kept = kept;
	}

	/** Hands the batch to a writing thread; with {@value #IN_FLIGHT} batches in flight, waits for the oldest. */
	void write(ImportBatch batch) {
		if (this.inFlight.size() == IN_FLIGHT) {
			counted(this.inFlight.removeFirst());
		}
		batch.written = CompletableFuture.runAsync(() -> this.writer.write(batch.rows, this.options, this.now,
				batch.counts, batch.refused, batch::values, this.companies), this.writers);
		this.inFlight.addLast(batch);
	}

	/** Waits for every batch in flight and counts it. */
	void finish() {
		while (!this.inFlight.isEmpty()) {
			counted(this.inFlight.removeFirst());
		}
	}

	/** After a failure: counts the batches in flight that were written all the same. */
	void abandon() {
		for (ImportBatch pending : this.inFlight) {
			if (pending.awaitQuietly()) {
				pending.countInto(this.total, this.kept);
			}
		}
	}

	private void counted(ImportBatch batch) {
		batch.await();
		batch.countInto(this.total, this.kept);
		this.jobs.progress(this.jobId, Status.RUNNING, batch.bytesRead, this.total);
	}

}
