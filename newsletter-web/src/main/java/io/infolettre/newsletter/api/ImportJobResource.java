package io.infolettre.newsletter.api;

import java.time.Instant;

import io.infolettre.newsletter.subscriber.SubscriberImportJob;

/** An import job as the API shows it. */
record ImportJobResource(String id, String fileName, String mode, String status, int percent, long rows,
		long added, long updated, long unchanged, long unsubscribed, long rejected, Instant createdAt,
		Instant finishedAt, String error, String rejectedCsv) {

	static ImportJobResource of(SubscriberImportJob job) {
		return new ImportJobResource(job.id(), job.fileName(), job.mode().name(), job.status().name(), job.percent(),
				job.rows(), job.added(), job.updated(), job.unchanged(), job.unsubscribed(), job.rejected(),
				job.createdAt(), job.finishedAt(), job.error(), "/api/v1/imports/" + job.id() + "/rejected.csv");
	}

}
