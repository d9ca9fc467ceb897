package io.infolettre.newsletter.subscriber;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import io.infolettre.newsletter.subscriber.internal.CsvFiles;
import io.infolettre.newsletter.subscriber.internal.HeaderGuesses;
import io.infolettre.newsletter.subscriber.internal.ImportJobStore;
import io.infolettre.newsletter.subscriber.internal.ImportRunner;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * CSV imports of subscribers: a preview for the column mapping, then a job that runs in the
 * background and reports its progress, its counts and every refused row with its line and reason.
 */
@Service
public class SubscriberImports {

	/** Rows shown in a preview. */
	public static final int PREVIEW_ROWS = 5;

	/** Uploads not imported within this time are deleted. */
	private static final Duration ABANDONED = Duration.ofDays(1);

	private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final ImportRunner runner;

	private final ImportJobStore jobs;

	private final AttributeDefinitions attributes;

	private final Path uploads;

	SubscriberImports(ImportRunner runner, ImportJobStore jobs, AttributeDefinitions attributes,
			@Value("${newsletter.imports.dir:}") String uploads) {
		this.runner = runner;
		this.jobs = jobs;
		this.attributes = attributes;
		this.uploads = uploads.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "infolettre-imports")
				: Path.of(uploads);
	}

	/**
	 * Copies an uploaded file to the import folder (streamed, never held in memory) and returns its
	 * id for {@link #preview} and {@link #start}.
	 */
	public String receive(InputStream content) throws IOException {
		Files.createDirectories(this.uploads);
		deleteAbandoned();
		String id = UUID.randomUUID().toString();
		Files.copy(content, this.uploads.resolve(id + ".csv"), StandardCopyOption.REPLACE_EXISTING);
		return id;
	}

	/** Whether the upload is still there to be imported. */
	public boolean hasUpload(String uploadId) {
		return UPLOAD_ID.matcher(uploadId == null ? "" : uploadId).matches() && Files.isRegularFile(upload(uploadId));
	}

	private Path upload(String uploadId) {
		if (!UPLOAD_ID.matcher(uploadId == null ? "" : uploadId).matches()) {
			throw new IllegalArgumentException("Téléversement inconnu");
		}
		return this.uploads.resolve(uploadId + ".csv");
	}

	private void deleteAbandoned() throws IOException {
		Instant before = Instant.now().minus(ABANDONED);
		try (Stream<Path> files = Files.list(this.uploads)) {
			files.filter(file -> {
				try {
					return Files.getLastModifiedTime(file).toInstant().isBefore(before);
				}
				catch (IOException ex) {
					return false;
				}
			}).forEach(file -> {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

	/**
	 * The upload's header and first rows as they will be read, with the encoding and the separator
	 * detected unless given, and a guess of what each column holds.
	 */
	public SubscriberImportPreview preview(String uploadId, Charset charset, Character separator) throws IOException {
		Path file = upload(uploadId);
		Charset effectiveCharset = charset != null ? charset : CsvFiles.detectCharset(file);
		char effectiveSeparator = separator != null ? separator : CsvFiles.detectSeparator(file, effectiveCharset);
		List<String> header = List.of();
		List<List<String>> rows = new ArrayList<>();
		try (CsvFiles.Rows reader = CsvFiles.open(file, effectiveCharset, effectiveSeparator)) {
			CsvFiles.Row first = reader.next();
			if (first != null) {
				header = first.values();
				CsvFiles.Row row;
				while (rows.size() < PREVIEW_ROWS && (row = reader.next()) != null) {
					rows.add(row.values());
				}
			}
		}
		catch (CsvFiles.MalformedCsvException ex) {
			// the preview shows what could be read; the import reports the rest
		}
		return new SubscriberImportPreview(effectiveCharset, effectiveSeparator, header, rows,
				HeaderGuesses.guess(header, this.attributes.all()));
	}

	/**
	 * Starts importing the upload (deleted once imported) and returns the job's id at once.
	 * @throws IllegalArgumentException when the options cannot apply (unknown attribute)
	 */
	public String start(String uploadId, SubscriberImportOptions options) throws IOException {
		Path file = upload(uploadId);
		Charset charset = options.charset() != null ? options.charset() : CsvFiles.detectCharset(file);
		char separator = options.separator() != null ? options.separator() : CsvFiles.detectSeparator(file, charset);
		String id = UUID.randomUUID().toString();
		this.runner.submit(id, file, charset, separator, options);
		return id;
	}

	/**
	 * The first rows of the upload as the import would take them with these options: the preview
	 * of the mapping step.
	 * @throws IllegalArgumentException when the mapping names an unknown attribute
	 */
	public List<ImportCheck> check(String uploadId, SubscriberImportOptions options) throws IOException {
		Path file = upload(uploadId);
		Charset charset = options.charset() != null ? options.charset() : CsvFiles.detectCharset(file);
		char separator = options.separator() != null ? options.separator() : CsvFiles.detectSeparator(file, charset);
		return this.runner.check(file, charset, separator, options, PREVIEW_ROWS);
	}

	public Optional<SubscriberImportJob> find(String id) {
		return this.jobs.find(id);
	}

	public List<SubscriberImportJob> recent(int limit) {
		return this.jobs.recent(limit);
	}

	/** The job's refused rows in line order, streamed. */
	public void forEachRejected(String id, Consumer<RejectedRow> action) {
		this.jobs.forEachRejected(id, action);
	}

	/** The attributes a column may be mapped to. */
	public List<AttributeDefinition> attributes() {
		return this.attributes.all();
	}

}
