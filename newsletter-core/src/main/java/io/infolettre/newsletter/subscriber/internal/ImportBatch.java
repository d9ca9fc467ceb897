package io.infolettre.newsletter.subscriber.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.infolettre.newsletter.subscriber.WarnedRow;

/** Rows read from the file and not written yet, with what became of them. */
final class ImportBatch {

	static final int SIZE = 1000;

	final List<ImportRow> rows = new ArrayList<>(SIZE);

	private final Map<Long, List<String>> values = new HashMap<>(SIZE * 2);

	final List<Refusal> refused = new ArrayList<>();

	private final List<WarnedRow> warned = new ArrayList<>();

	final ImportJobStore.Counts counts = new ImportJobStore.Counts();

	long bytesRead;

	CompletableFuture<Void> written;

	void add(RowVerdict verdict, List<String> rowValues) {
		this.rows.add(verdict.row());
		this.values.put(verdict.line(), rowValues);
		if (!verdict.warnings().isEmpty()) {
			this.warned.add(new WarnedRow(verdict.line(), verdict.warnings()));
		}
	}

	void refuse(Refusal refusal) {
		this.counts.refuse(refusal.problems());
		this.refused.add(refusal);
	}

	boolean full() {
		return this.rows.size() >= SIZE || this.refused.size() >= SIZE;
	}

	// for the rows the writer refuses
	List<String> values(long line) {
		return this.values.getOrDefault(line, List.of());
	}

	/** Adds what became of its rows to the import's counts, and keeps what it can of them. */
	void countInto(ImportJobStore.Counts total, KeptRows kept) {
		List<WarnedRow> taken = warnedAndTaken();
		this.counts.warned = taken.size();
		total.add(this.counts);
		kept.keep(this.refused, taken);
		total.rejectedKept = kept.rejected();
		total.warnedKept = kept.warned();
	}

	/** The rows with a warning that the writer did not refuse after all. */
	private List<WarnedRow> warnedAndTaken() {
		if (this.warned.isEmpty()) {
			return this.warned;
		}
		Set<Long> refusedLines = new HashSet<>();
		this.refused.forEach(refusal -> refusedLines.add(refusal.line()));
		return this.warned.stream().filter(row -> !refusedLines.contains(row.line())).toList();
	}

	void await() {
		try {
			this.written.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** @return whether the batch was written; the import fails with the first error, not this one */
	boolean awaitQuietly() {
		try {
			this.written.join();
			return true;
		}
		catch (CompletionException | CancellationException ex) {
			return false;
		}
	}

}
