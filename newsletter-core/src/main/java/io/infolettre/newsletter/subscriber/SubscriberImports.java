package io.infolettre.newsletter.subscriber;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.infolettre.newsletter.subscriber.internal.CsvFiles;
import io.infolettre.newsletter.subscriber.internal.HeaderGuesses;
import io.infolettre.newsletter.subscriber.internal.ImportJobStore;
import io.infolettre.newsletter.subscriber.internal.ImportRunner;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * CSV imports of subscribers: a preview for the column mapping, then a job that runs in the
 * background and reports its progress, its counts, its refusals by reason and its first refused
 * rows with their line and every reason. Uploaded files are readable by the application's user only,
 * and deleted once imported, when refused or cancelled, or after a day when abandoned.
 */
@Service
@EnableConfigurationProperties(ImportSettings.class)
public class SubscriberImports {

	/** Rows shown in a preview. */
	public static final int PREVIEW_ROWS = 5;

	/** Rows read at most to list the values a file gives its choice attributes that they lack. */
	public static final long SCANNED_ROWS = 100_000;

	private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	/** Uploads not imported within this time are deleted. */
	private static final Duration ABANDONED = Duration.ofDays(1);

	private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private final ImportRunner runner;

	private final ImportJobStore jobs;

	private final AttributeDefinitions attributes;

	private final Path uploads;

	SubscriberImports(ImportRunner runner, ImportJobStore jobs, AttributeDefinitions attributes,
			ImportSettings settings) {
		this.runner = runner;
		this.jobs = jobs;
		this.attributes = attributes;
		this.uploads = settings.dir();
	}

	/**
	 * Copies an uploaded file to the import folder (streamed, never held in memory), readable by the
	 * application's user only, and returns its id for {@link #preview} and {@link #start}.
	 * @throws IOException also when the folder belongs to another user
	 */
	public String receive(InputStream content) throws IOException {
		privateFolder();
		deleteAbandoned();
		String id = UUID.randomUUID().toString();
		Path file = this.uploads.resolve(id + ".csv");
		try {
			if (POSIX) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
			}
			try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				content.transferTo(out);
			}
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
		return id;
	}

	/** Deletes an upload that will not be imported (refused, or the coordinator cancelled). */
	public void discard(String uploadId) throws IOException {
		if (UPLOAD_ID.matcher(uploadId == null ? "" : uploadId).matches()) {
			Files.deleteIfExists(upload(uploadId));
		}
	}

	/**
	 * The folder, made readable by the application's user only; one in the shared temporary folder may
	 * have been made by someone else first, in which case making it private fails rather than leave
	 * members' addresses where another user reads or replaces them.
	 */
	private void privateFolder() throws IOException {
		if (!POSIX) {
			Files.createDirectories(this.uploads);
		}
		else if (!Files.isDirectory(this.uploads)) {
			Files.createDirectories(this.uploads, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
		}
		else if (!Files.getPosixFilePermissions(this.uploads).equals(OWNER_ONLY_FOLDER)) {
			Files.setPosixFilePermissions(this.uploads, OWNER_ONLY_FOLDER);
		}
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

	/**
	 * The values the upload gives its choice attributes (as mapped) that their lists lack, with their
	 * counts, over its first {@link #SCANNED_ROWS} rows: the mapping step asks whether to add them.
	 */
	public List<UnknownChoices> unknownChoices(String uploadId, SubscriberImportOptions options) throws IOException {
		Path file = upload(uploadId);
		Charset charset = options.charset() != null ? options.charset() : CsvFiles.detectCharset(file);
		char separator = options.separator() != null ? options.separator() : CsvFiles.detectSeparator(file, charset);
		return this.runner.unknownChoices(file, charset, separator, options, SCANNED_ROWS);
	}

	public Optional<SubscriberImportJob> find(String id) {
		return this.jobs.find(id);
	}

	public List<SubscriberImportJob> recent(int limit) {
		return this.jobs.recent(limit);
	}

	/** The job's kept refused rows in line order, streamed a page at a time. */
	public void forEachRejected(String id, Consumer<RejectedRow> action) {
		this.jobs.forEachRejected(id, action);
	}

	/** A page of the job's kept refused rows: from the {@code from}th (0 for the first), at most {@code count}. */
	public List<RejectedRow> rejected(String id, long from, int count) {
		return this.jobs.rejected(id, from, count);
	}

	/** A page of the job's kept rows imported with a warning. */
	public List<WarnedRow> warned(String id, long from, int count) {
		return this.jobs.warned(id, from, count);
	}

	/** The attributes a column may be mapped to. */
	public List<AttributeDefinition> attributes() {
		return this.attributes.all();
	}

}
