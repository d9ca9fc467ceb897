package io.infolettre.newsletter.subscriber.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.ImportCheck;
import io.infolettre.newsletter.subscriber.ImportSettings;
import io.infolettre.newsletter.subscriber.RefusalReason;
import io.infolettre.newsletter.subscriber.SubscriberImportJob.Status;
import io.infolettre.newsletter.subscriber.SubscriberImportOptions;
import io.infolettre.newsletter.subscriber.UnknownChoices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Runs imports one after the other on a thread of their own, so that a 100,000-row file never holds
 * a request. The file streams from disk; rows go to the database a batch at a time; memory stays
 * the same whatever the size of the file, but for 16 bytes per address to find duplicates. Of the
 * refused rows only the first ones are kept ({@link KeptRows}); a file whose rows are refused for
 * their form almost all along is stopped ({@link ImportSettings#stops}). The batches go to the
 * database through an {@link ImportPipeline}.
 */
@Component
public class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "subscriber-import");
		thread.setDaemon(true);
		return thread;
	});

	private final ExecutorService writers = Executors.newFixedThreadPool(ImportPipeline.IN_FLIGHT, runnable -> {
		Thread thread = new Thread(runnable, "subscriber-import-write");
		thread.setDaemon(true);
		return thread;
	});

	private final ImportJobStore jobs;

	private final ImportWriter writer;

	private final AttributeDefinitions attributes;

	private final Clock clock;

	private final ImportSettings settings;

	ImportRunner(ImportJobStore jobs, ImportWriter writer, AttributeDefinitions attributes, Clock clock,
			ImportSettings settings) {
		this.jobs = jobs;
		this.writer = writer;
		this.attributes = attributes;
		this.clock = clock;
		this.settings = settings;
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

	/** The first rows of the file as the import would take them with these options; nothing is written. */
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
			var rowChecks = new ImportRowChecks(reader, options, null);
			CsvFiles.Row row;
			while (checks.size() < limit && (row = rows.next()) != null) {
				RowVerdict verdict = rowChecks.check(row);
				checks.add(new ImportCheck(row.line(), row.values(), verdict.messages(), verdict.warnings()));
			}
		}
		catch (CsvFiles.MalformedCsvException ex) {
			checks.add(new ImportCheck(ex.line(), List.of(), List.of(ex.getMessage()), List.of()));
		}
		return checks;
	}

	/** What the file gives its choice attributes that their lists lack, over its first {@code maxRows} rows. */
	public List<UnknownChoices> unknownChoices(Path file, Charset charset,
			char separator, SubscriberImportOptions options, long maxRows) throws IOException {
		return UnknownChoiceScan.scan(file, charset, separator, options, definitionsByName(), maxRows);
	}

	private Map<String, AttributeDefinition> definitionsByName() {
		Map<String, AttributeDefinition> definitions = new HashMap<>();
		this.attributes.all().forEach(definition -> definitions.put(definition.name(), definition));
		return definitions;
	}

	private void run(String jobId, Path file, Charset charset, char separator, SubscriberImportOptions options,
			Map<String, AttributeDefinition> definitions) {
		var total = new ImportJobStore.Counts();
		Instant now = this.clock.instant();
		var pipeline = new ImportPipeline(this.writers, this.writer, this.jobs, jobId, options, now, total,
				new KeptRows(this.jobs, jobId, this.settings.rowsKept(), separator));
		this.jobs.progress(jobId, Status.RUNNING, 0, total);
		try (CsvFiles.Rows rows = CsvFiles.open(file, charset, separator)) {
			CsvFiles.Row header = rows.next();
			if (header == null) {
				this.jobs.finish(jobId, Status.FAILED, total, "Le fichier est vide.", this.clock.instant());
				return;
			}
			var reader = new ImportRowReader(options, header.values(), definitions, now);
			var checks = new ImportRowChecks(reader, options, new ChoiceAdditions(this.attributes, reader));
			var batch = new ImportBatch();
			long read = 0;
			long refusedForForm = 0;
			boolean stopped = false;
			while (true) {
				CsvFiles.Row row;
				try {
					row = rows.next();
				}
				catch (CsvFiles.MalformedCsvException ex) {
					batch.counts.rows++;
					batch.refuse(new Refusal(ex.line(), List.of(new RowVerdict.RowProblem(RefusalReason.UNREADABLE_FILE,
							"le fichier n’est plus lisible à partir de cette ligne : " + ex.getMessage())), List.of()));
					break;
				}
				if (row == null) {
					break;
				}
				batch.counts.rows++;
				read++;
				RowVerdict verdict = checks.check(row);
				if (verdict.isRefused()) {
					batch.refuse(new Refusal(row.line(), verdict.problems(), row.values()));
					refusedForForm += verdict.isRefusedForForm() ? 1 : 0;
				}
				else {
					batch.add(verdict, row.values());
				}
				if (read % this.settings.stopSample() == 0 && this.settings.stops(read, refusedForForm)) {
					stopped = true;
					break;
				}
				if (batch.full()) {
					batch.bytesRead = rows.bytesRead();
					pipeline.write(batch);
					batch = new ImportBatch();
				}
			}
			batch.bytesRead = rows.bytesRead();
			pipeline.write(batch);
			pipeline.finish();
			if (stopped) {
				this.jobs.finish(jobId, Status.STOPPED, total, stopped(total, refusedForForm), this.clock.instant());
			}
			else {
				this.jobs.finish(jobId, Status.DONE, total, null, this.clock.instant());
			}
		}
		catch (RuntimeException | IOException ex) {
			log.error("Import {} failed", jobId, ex);
			pipeline.abandon();
			this.jobs.finish(jobId, Status.FAILED, total, ex.getMessage() == null ? ex.toString() : ex.getMessage(),
					this.clock.instant());
		}
	}

	/** Why the import stopped, and what to check, in French. */
	private static String stopped(ImportJobStore.Counts total, long refusedForForm) {
		NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.CANADA_FRENCH);
		long imported = total.added + total.updated + total.unchanged + total.unsubscribed;
		return "Import arrêté après " + numbers.format(total.rows) + " lignes : " + numbers.format(refusedForForm)
				+ " ont été refusées pour leur forme (" + refusedForForm * 100 / Math.max(1, total.rows) + " %). "
				+ "Le fichier n’est sans doute pas lu comme il le faut : vérifiez le séparateur (point-virgule ou "
				+ "virgule), l’encodage (UTF-8 ou Windows-1252) et l’association des colonnes, puis importez-le de "
				+ "nouveau. Les " + numbers.format(imported) + " lignes acceptées avant l’arrêt ont été importées.";
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
		this.writers.shutdownNow();
	}

}
