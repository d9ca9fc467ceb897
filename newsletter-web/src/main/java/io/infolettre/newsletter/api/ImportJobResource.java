package io.infolettre.newsletter.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.infolettre.newsletter.subscriber.SubscriberImportJob;

/**
 * An import job as the API shows it.
 *
 * @param status QUEUED, RUNNING, DONE, STOPPED (almost every row refused for its form: see error) or
 * FAILED
 * @param rejectedKept how many of the refused rows the CSV has (the first ones)
 * @param refusals how many refused rows had each reason, the most frequent first
 * @param warned rows imported without some of their values
 */
record ImportJobResource(String id, String fileName, String mode, String status, int percent, long rows,
		long added, long updated, long unchanged, long unsubscribed, long rejected, long rejectedKept,
		Map<String, Long> refusals, long warned, Instant createdAt, Instant finishedAt, String error,
		String rejectedCsv) {

	static ImportJobResource of(SubscriberImportJob job) {
		Map<String, Long> refusals = new LinkedHashMap<>();
		job.refusalsByCount().forEach(entry -> refusals.put(entry.getKey().name(), entry.getValue()));
		return new ImportJobResource(job.id(), job.fileName(), job.mode().name(), job.status().name(), job.percent(),
				job.rows(), job.added(), job.updated(), job.unchanged(), job.unsubscribed(), job.rejected(),
				job.rejectedKept(), refusals, job.warned(), job.createdAt(), job.finishedAt(), job.error(),
				"/api/v1/imports/" + job.id() + "/rejected.csv");
	}

}
