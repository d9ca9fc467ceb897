package io.infolettre.newsletter.subscriber.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.ImportCheck;
import io.infolettre.newsletter.subscriber.RejectedRow;
import io.infolettre.newsletter.subscriber.SubscriberImportJob.Status;
import io.infolettre.newsletter.subscriber.SubscriberImportOptions;
import org.apache.commons.csv.CSVFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Runs imports one after the other on a thread of their own, so that a 100,000-row file never holds
 * a request. The file streams from disk; rows go to the database a batch at a time; memory stays
 * the same whatever the size of the file, but for 16 bytes per address to find duplicates.
 */
@Component
public class ImportRunner {

	static final int BATCH = 1000;

	// batches written at once while the next is read: the server works on one while the other is mapped
	private static final int WRITERS = 2;

	private static final int MAX_ORIGINAL = 1000;

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "subscriber-import");
		thread.setDaemon(true);
		return thread;
	});

	private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, runnable -> {
		Thread thread = new Thread(runnable, "subscriber-import-write");
		thread.setDaemon(true);
		return thread;
	});

	private final ImportJobStore jobs;

	private final ImportWriter writer;

	private final AttributeDefinitions attributes;

	private final Clock clock;

	ImportRunner(ImportJobStore jobs, ImportWriter writer, AttributeDefinitions attributes, Clock clock) {
		this.jobs = jobs;
		this.writer = writer;
		this.attributes = attributes;
		this.clock = clock;
	}

	/**
	 * Records the job and queues it; the file is deleted once imported.
	 * @throws IllegalArgumentException when the mapping names an unknown attribute
	 */
	public void submit(String jobId, Path file, Charset charset, char separator, SubscriberImportOptions options)
			throws IOException {
		Map<String, AttributeDefinition> definitions = definitionsByName();
		for (String target : options.mapping()) {
			String name = SubscriberImportOptions.Column.attributeName(target);
			if (name != null && !definitions.containsKey(name)) {
				throw new IllegalArgumentException("Attribut inconnu : « " + name + " »");
			}
		}
		this.jobs.create(jobId, options.fileName(), options.mode(), Files.size(file), this.clock.instant());
		this.executor.execute(() -> {
			try {
				run(jobId, file, charset, separator, options, definitions);
			}
			finally {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					log.warn("Could not delete the import file {}", file, ex);
				}
			}
		});
	}

	/** The first rows of the file as the import would take them with these options. */
	public List<ImportCheck> check(Path file, Charset charset, char separator, SubscriberImportOptions options,
			int limit) throws IOException {
		Map<String, AttributeDefinition> definitions = definitionsByName();
		List<ImportCheck> checks = new ArrayList<>();
		try (CsvFiles.Rows rows = CsvFiles.open(file, charset, separator)) {
			CsvFiles.Row header = rows.next();
			if (header == null) {
				return checks;
			}
			var reader = new ImportRowReader(options, header.values(), definitions, this.clock.instant());
			var seen = new LongLongMap();
			CsvFiles.Row row;
			while (checks.size() < limit && (row = rows.next()) != null) {
				String problem = null;
				try {
					ImportRow checked = reader.read(row);
					long first = seen.putIfAbsent(LongLongMap.hash(checked.email().value()), row.line());
					if (first >= 0) {
						problem = "adresse en double dans le fichier (déjà à la ligne " + first + ")";
					}
				}
				catch (ImportRowReader.RowRejected ex) {
					problem = ex.getMessage();
				}
				checks.add(new ImportCheck(row.line(), row.values(), problem));
			}
		}
		catch (CsvFiles.MalformedCsvException ex) {
			checks.add(new ImportCheck(ex.line(), List.of(), ex.getMessage()));
		}
		return checks;
	}

	private Map<String, AttributeDefinition> definitionsByName() {
		Map<String, AttributeDefinition> definitions = new HashMap<>();
		this.attributes.all().forEach(definition -> definitions.put(definition.name(), definition));
		return definitions;
	}

	private void run(String jobId, Path file, Charset charset, char separator, SubscriberImportOptions options,
			Map<String, AttributeDefinition> definitions) {
		var total = new ImportJobStore.Counts();
		var inFlight = new ArrayDeque<Batch>(WRITERS);
		Instant now = this.clock.instant();
		this.jobs.progress(jobId, Status.RUNNING, 0, total);
		try (CsvFiles.Rows rows = CsvFiles.open(file, charset, separator)) {
			CsvFiles.Row header = rows.next();
			if (header == null) {
				this.jobs.finish(jobId, Status.FAILED, total, "Le fichier est vide.", this.clock.instant());
				return;
			}
			var reader = new ImportRowReader(options, header.values(), definitions, now);
			var seen = new LongLongMap();
			var batch = new Batch(separator);
			while (true) {
				CsvFiles.Row row;
				try {
					row = rows.next();
				}
				catch (CsvFiles.MalformedCsvException ex) {
					batch.counts.rows++;
					batch.reject(ex.line(), "le fichier n’est plus lisible à partir de cette ligne : " + ex.getMessage(),
							List.of());
					break;
				}
				if (row == null) {
					break;
				}
				batch.counts.rows++;
				try {
					ImportRow checked = reader.read(row);
					long first = seen.putIfAbsent(LongLongMap.hash(checked.email().value()), row.line());
					if (first >= 0) {
						throw new ImportRowReader.RowRejected("adresse en double dans le fichier (déjà à la ligne "
								+ first + ")");
					}
					batch.add(checked, row.values());
				}
				catch (ImportRowReader.RowRejected ex) {
					batch.reject(row.line(), ex.getMessage(), row.values());
				}
				if (batch.full()) {
					batch.bytesRead = rows.bytesRead();
					write(jobId, batch, options, now, inFlight, total);
					batch = new Batch(separator);
				}
			}
			batch.bytesRead = rows.bytesRead();
			write(jobId, batch, options, now, inFlight, total);
			while (!inFlight.isEmpty()) {
				written(jobId, inFlight.removeFirst(), total);
			}
			this.jobs.finish(jobId, Status.DONE, total, null, this.clock.instant());
		}
		catch (RuntimeException | IOException ex) {
			log.error("Import {} failed", jobId, ex);
			for (Batch pending : inFlight) {
				if (pending.awaitQuietly()) {
					total.add(pending.counts);
				}
			}
			this.jobs.finish(jobId, Status.FAILED, total, ex.getMessage() == null ? ex.toString() : ex.getMessage(),
					this.clock.instant());
		}
	}

	/**
	 * Hands the batch to a writing thread while the next one is read; with {@link #WRITERS} batches in
	 * flight, waits for the oldest. Batches never share an address (duplicates in the file are refused
	 * before), so they can be written in any order.
	 */
	private void write(String jobId, Batch batch, SubscriberImportOptions options, Instant now, Deque<Batch> inFlight,
			ImportJobStore.Counts total) {
		if (inFlight.size() == WRITERS) {
			written(jobId, inFlight.removeFirst(), total);
		}
		batch.written = CompletableFuture.runAsync(() -> {
			this.writer.write(batch.rows, options, now, batch.counts, batch.rejected, batch::original);
			this.jobs.reject(jobId, batch.rejected);
		}, this.writers);
		inFlight.addLast(batch);
	}

	private void written(String jobId, Batch batch, ImportJobStore.Counts total) {
		batch.await();
		total.add(batch.counts);
		this.jobs.progress(jobId, Status.RUNNING, batch.bytesRead, total);
	}

	/** Rows read from the file and not written yet, with what became of them. */
	private static final class Batch {

		private final List<ImportRow> rows = new ArrayList<>(BATCH);

		private final Map<Long, List<String>> values = new HashMap<>(BATCH * 2);

		private final List<RejectedRow> rejected = new ArrayList<>();

		private final ImportJobStore.Counts counts = new ImportJobStore.Counts();

		private final char separator;

		private long bytesRead;

		private CompletableFuture<Void> written;

		Batch(char separator) {
			this.separator = separator;
		}

		void add(ImportRow row, List<String> rowValues) {
			this.rows.add(row);
			this.values.put(row.line(), rowValues);
		}

		void reject(long line, String reason, List<String> rowValues) {
			this.counts.rejected++;
			this.rejected.add(new RejectedRow(line, reason, original(rowValues, this.separator)));
		}

		boolean full() {
			return this.rows.size() >= BATCH || this.rejected.size() >= BATCH;
		}

		// formatted only for the rows the writer refuses
		String original(long line) {
			return original(this.values.getOrDefault(line, List.of()), this.separator);
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

		/** The row as the file had it (one line; quoting as needed), for the report of refused rows. */
		private static String original(List<String> values, char separator) {
			var out = new StringWriter();
			try {
				CSVFormat.RFC4180.builder().setDelimiter(separator).setRecordSeparator("").get().printRecord(out,
						values.toArray());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			String text = out.toString();
			return text.length() > MAX_ORIGINAL ? text.substring(0, MAX_ORIGINAL) + "…" : text;
		}

	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
		this.writers.shutdownNow();
	}

}
