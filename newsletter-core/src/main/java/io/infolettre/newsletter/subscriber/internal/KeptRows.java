package io.infolettre.newsletter.subscriber.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.List;

import io.infolettre.newsletter.subscriber.RejectedRow;
import io.infolettre.newsletter.subscriber.WarnedRow;
import org.apache.commons.csv.CSVFormat;

/**
 * Keeps the first refused rows of an import with their line, reasons and original text, and the
 * first rows it imported with a warning, up to a limit each: a file of a million bad rows keeps as
 * much as one of ten thousand. Batches are kept in the order they were read, each sorted by line,
 * so the kept rows are the first ones of the file.
 */
final class KeptRows {

	private static final int MAX_ORIGINAL = 1000;

	private final ImportJobStore jobs;

	private final String jobId;

	private final long limit;

	private final char separator;

	private long rejected;

	private long warned;

	KeptRows(ImportJobStore jobs, String jobId, long limit, char separator) {
		this.jobs = jobs;
		this.jobId = jobId;
		this.limit = limit;
		this.separator = separator;
	}

	/** Keeps what it can of one batch's rows. */
	void keep(List<Refusal> refused, List<WarnedRow> warnedRows) {
		if (this.rejected < this.limit && !refused.isEmpty()) {
			List<RejectedRow> kept = refused.stream()
				.sorted(Comparator.comparingLong(Refusal::line))
				.limit(this.limit - this.rejected)
				.map(refusal -> new RejectedRow(refusal.line(),
						refusal.problems().stream().map(RowVerdict.RowProblem::message).toList(),
						original(refusal.values())))
				.toList();
			this.jobs.keepRejected(this.jobId, this.rejected, kept);
			this.rejected += kept.size();
		}
		if (this.warned < this.limit && !warnedRows.isEmpty()) {
			List<WarnedRow> kept = warnedRows.stream()
				.sorted(Comparator.comparingLong(WarnedRow::line))
				.limit(this.limit - this.warned)
				.toList();
			this.jobs.keepWarned(this.jobId, this.warned, kept);
			this.warned += kept.size();
		}
	}

	long rejected() {
		return this.rejected;
	}

	long warned() {
		return this.warned;
	}

	/** The row as the file had it (one line; quoting as needed), for the report of refused rows. */
	private String original(List<String> values) {
		var out = new StringWriter();
		try {
			CSVFormat.RFC4180.builder().setDelimiter(this.separator).setRecordSeparator("").get().printRecord(out,
					values.toArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		String text = out.toString();
		return text.length() > MAX_ORIGINAL ? text.substring(0, MAX_ORIGINAL) + "…" : text;
	}

}
