package io.infolettre.newsletter.subscriber.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

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

	private static final int MAX_ORIGINAL = 1000;

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "subscriber-import");
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
		Map<String, AttributeDefinition> definitions = new HashMap<>();
		this.attributes.all().forEach(definition -> definitions.put(definition.name(), definition));
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
		Map<String, AttributeDefinition> definitions = new HashMap<>();
		this.attributes.all().forEach(definition -> definitions.put(definition.name(), definition));
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

	private void run(String jobId, Path file, Charset charset, char separator, SubscriberImportOptions options,
			Map<String, AttributeDefinition> definitions) {
		var counts = new ImportJobStore.Counts();
		Instant now = this.clock.instant();
		this.jobs.progress(jobId, Status.RUNNING, 0, counts);
		try (CsvFiles.Rows rows = CsvFiles.open(file, charset, separator)) {
			CsvFiles.Row header = rows.next();
			if (header == null) {
				this.jobs.finish(jobId, Status.FAILED, counts, "Le fichier est vide.", this.clock.instant());
				return;
			}
			var reader = new ImportRowReader(options, header.values(), definitions, now);
			Function<List<String>, String> original = values -> original(values, separator);
			var seen = new LongLongMap();
			List<ImportRow> batch = new ArrayList<>(BATCH);
			Map<Long, String> originals = new HashMap<>();
			List<RejectedRow> rejected = new ArrayList<>();
			while (true) {
				CsvFiles.Row row;
				try {
					row = rows.next();
				}
				catch (CsvFiles.MalformedCsvException ex) {
					counts.rows++;
					counts.rejected++;
					rejected.add(new RejectedRow(ex.line(),
							"le fichier n’est plus lisible à partir de cette ligne : " + ex.getMessage(), ""));
					break;
				}
				if (row == null) {
					break;
				}
				counts.rows++;
				try {
					ImportRow checked = reader.read(row);
					long first = seen.putIfAbsent(LongLongMap.hash(checked.email().value()), row.line());
					if (first >= 0) {
						throw new ImportRowReader.RowRejected("adresse en double dans le fichier (déjà à la ligne "
								+ first + ")");
					}
					batch.add(checked);
					originals.put(row.line(), original.apply(row.values()));
				}
				catch (ImportRowReader.RowRejected ex) {
					counts.rejected++;
					rejected.add(new RejectedRow(row.line(), ex.getMessage(), original.apply(row.values())));
				}
				if (batch.size() >= BATCH || rejected.size() >= BATCH) {
					flush(jobId, batch, originals, rejected, options, now, counts, rows.bytesRead());
				}
			}
			flush(jobId, batch, originals, rejected, options, now, counts, rows.bytesRead());
			this.jobs.finish(jobId, Status.DONE, counts, null, this.clock.instant());
		}
		catch (RuntimeException | IOException ex) {
			log.error("Import {} failed", jobId, ex);
			this.jobs.finish(jobId, Status.FAILED, counts, ex.getMessage() == null ? ex.toString() : ex.getMessage(),
					this.clock.instant());
		}
	}

	private void flush(String jobId, List<ImportRow> batch, Map<Long, String> originals, List<RejectedRow> rejected,
			SubscriberImportOptions options, Instant now, ImportJobStore.Counts counts, long bytesRead) {
		this.writer.write(batch, options, now, counts, rejected, originals);
		this.jobs.reject(jobId, rejected);
		this.jobs.progress(jobId, Status.RUNNING, bytesRead, counts);
		batch.clear();
		originals.clear();
		rejected.clear();
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

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

}
