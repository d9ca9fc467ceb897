package io.infolettre.newsletter.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.reconciliation.RejectedRowsCsv;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.ImportCheck;
import io.infolettre.newsletter.subscriber.ImportMode;
import io.infolettre.newsletter.subscriber.SubscriberImportJob;
import io.infolettre.newsletter.subscriber.SubscriberImportOptions;
import io.infolettre.newsletter.subscriber.SubscriberImportPreview;
import io.infolettre.newsletter.subscriber.SubscriberImports;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.subscriber.UnknownChoices;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CSV import in three steps: upload (the file goes to a temporary file, never into memory), column
 * mapping with a preview of the first rows as they will be imported and the values the file gives
 * choice attributes that their lists lack, then the job's page with a progress bar that htmx
 * refreshes until the job is done, its counts, its refusals by reason, and its kept refused rows and
 * rows imported with a warning, a page at a time.
 */
@Controller
@RequestMapping("/admin/imports")
@RequiresPermission(Permission.AUDIENCE_READ)
class ImportAdminController {

	/** Kept rows (refused, or with a warning) per page of the job's page; all those kept are in the CSV. */
	static final int ROWS_PER_PAGE = 50;

	private final SubscriberImports imports;

	private final Subscribers subscribers;

	private final RejectedRowsCsv rejected;

	ImportAdminController(SubscriberImports imports, Subscribers subscribers, RejectedRowsCsv rejected) {
		this.imports = imports;
		this.subscribers = subscribers;
		this.rejected = rejected;
	}

	@GetMapping
	String imports(Model model) {
		model.addAttribute("jobs", this.imports.recent(20));
		model.addAttribute("lists", this.subscribers.listNames());
		return "admin/imports";
	}

	@Audited(kind = AuditKind.IMPORT, action = "import.upload")
	@PostMapping
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String upload(@RequestParam("file") MultipartFile file, @RequestParam(defaultValue = "") String encoding,
			@RequestParam(defaultValue = "") String separator, RedirectAttributes redirect) throws IOException {
		if (file.isEmpty()) {
			redirect.addFlashAttribute("problem", "imports.upload.empty");
			return "redirect:/admin/imports";
		}
		String uploadId;
		try (InputStream content = file.getInputStream()) {
			uploadId = this.imports.receive(content);
		}
		redirect.addAttribute("name", file.getOriginalFilename() == null ? "import.csv" : file.getOriginalFilename());
		redirect.addAttribute("encoding", encoding);
		redirect.addAttribute("separator", separator);
		return "redirect:/admin/imports/upload/" + uploadId;
	}

	@GetMapping("/upload/{uploadId}")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String mapping(@PathVariable String uploadId, @RequestParam(defaultValue = "import.csv") String name,
			@RequestParam(defaultValue = "") String encoding, @RequestParam(defaultValue = "") String separator,
			Model model) throws IOException {
		upload(uploadId);
		SubscriberImportPreview preview = this.imports.preview(uploadId, charset(encoding), separator(separator));
		var form = new ImportForm(name, encoding, separator, preview.guessedMapping(), ImportMode.ADD_NEW, "", "",
				Consent.Type.IMPLIED_MEMBERSHIP, false, List.of());
		return mappingPage(uploadId, preview, form, null, model);
	}

	/** The preview again, with the mapping and options as they are in the form (htmx). */
	@PostMapping("/upload/{uploadId}/preview")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String preview(@PathVariable String uploadId, ImportForm form, Model model) throws IOException {
		upload(uploadId);
		return mappingPage(uploadId, this.imports.preview(uploadId, charset(form.encoding()), separator(form.separator())),
				form, null, model);
	}

	@Audited(kind = AuditKind.IMPORT, action = "import.start", creates = true)
	@PostMapping("/upload/{uploadId}")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String start(@PathVariable String uploadId, ImportForm form, Model model) throws IOException {
		upload(uploadId);
		try {
			return "redirect:/admin/imports/" + this.imports.start(uploadId, form.toOptions());
		}
		catch (IllegalArgumentException ex) {
			return mappingPage(uploadId,
					this.imports.preview(uploadId, charset(form.encoding()), separator(form.separator())), form,
					ex.getMessage(), model);
		}
	}

	/**
	 * @param page the page of refused rows, from 1
	 * @param warnedPage the page of rows imported with a warning, from 1
	 */
	@GetMapping("/{id}")
	String job(@PathVariable String id, @RequestParam(defaultValue = "1") long page,
			@RequestParam(defaultValue = "1") long warnedPage, Model model) {
		SubscriberImportJob job = job(id);
		model.addAttribute("job", job);
		if (job.isFinished()) {
			var rejected = new RowsPage(page, job.rejectedKept());
			model.addAttribute("rejectedPage", rejected);
			model.addAttribute("rejectedRows", this.imports.rejected(id, rejected.from(), ROWS_PER_PAGE));
			var warned = new RowsPage(warnedPage, job.warnedKept());
			model.addAttribute("warnedPage", warned);
			model.addAttribute("warnedRows", this.imports.warned(id, warned.from(), ROWS_PER_PAGE));
		}
		return "admin/import-job";
	}

	/**
	 * A page of kept rows.
	 *
	 * @param number from 1 to {@link #pages()}, whatever was asked
	 * @param kept rows kept in all
	 */
	record RowsPage(long number, long kept) {

		RowsPage {
			number = Math.max(1, Math.min(number, Math.max(1, (kept + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE)));
		}

		public long pages() {
			return Math.max(1, (this.kept + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE);
		}

		public long from() {
			return (this.number - 1) * ROWS_PER_PAGE;
		}

		/** The rank of the first row shown, from 1. */
		public long first() {
			return Math.min(this.kept, from() + 1);
		}

		public long last() {
			return Math.min(this.kept, from() + ROWS_PER_PAGE);
		}

		public boolean hasPrevious() {
			return this.number > 1;
		}

		public boolean hasNext() {
			return this.number < pages();
		}

	}

	@GetMapping("/{id}/progress")
	String progress(@PathVariable String id, Model model, HttpServletResponse response) {
		SubscriberImportJob job = job(id);
		if (job.isFinished()) {
			// the whole page shows the result and the refused rows: htmx reloads it
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("job", job);
		return "admin/import-job :: progress";
	}

	@GetMapping("/{id}/rejected.csv")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	void rejected(@PathVariable String id, HttpServletResponse response) throws IOException {
		this.rejected.respond(id, job(id).fileName(), response);
	}

	/** The coordinator gives up the file: it is deleted at once rather than left a day. */
	@Audited(kind = AuditKind.IMPORT, action = "import.discard", target = "uploadId")
	@PostMapping("/upload/{uploadId}/cancel")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String cancel(@PathVariable String uploadId) throws IOException {
		this.imports.discard(uploadId);
		return "redirect:/admin/imports";
	}

	private String mappingPage(String uploadId, SubscriberImportPreview preview, ImportForm form, String problem,
			Model model) throws IOException {
		List<ImportCheck> checks = List.of();
		List<UnknownChoices> unknownChoices = List.of();
		String checkProblem = problem;
		try {
			SubscriberImportOptions options = form.withCharsetAndSeparator(preview.charset(), preview.separator())
				.toOptions();
			checks = this.imports.check(uploadId, options);
			unknownChoices = this.imports.unknownChoices(uploadId, options);
		}
		catch (IllegalArgumentException ex) {
			checkProblem = checkProblem == null ? ex.getMessage() : checkProblem;
		}
		model.addAttribute("uploadId", uploadId);
		model.addAttribute("preview", preview);
		model.addAttribute("charsetName", preview.charset().name());
		model.addAttribute("separatorLabel", preview.separator() == '\t' ? "tab" : String.valueOf(preview.separator()));
		model.addAttribute("form", form);
		model.addAttribute("checks", checks);
		model.addAttribute("unknownChoices", unknownChoices);
		model.addAttribute("problem", checkProblem);
		model.addAttribute("targets", SubscriberImportOptions.Column.FIXED);
		model.addAttribute("attributes", this.imports.attributes());
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("consentTypes", Consent.Type.values());
		model.addAttribute("lists", this.subscribers.listNames());
		return "admin/import-mapping";
	}

	private void upload(String uploadId) {
		if (!this.imports.hasUpload(uploadId)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private SubscriberImportJob job(String id) {
		return this.imports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static Charset charset(String encoding) {
		return encoding == null || encoding.isBlank() ? null : Charset.forName(encoding);
	}

	static Character separator(String separator) {
		return separator == null || separator.isEmpty() ? null : separator.charAt(0);
	}

	/**
	 * The mapping step's form.
	 *
	 * @param column the target of each column, in order
	 * @param lists list names separated by commas
	 * @param tags tags separated by commas
	 * @param leaveOut the choice attributes whose values not in their list are left out of the rows
	 * (the others' are added to their list)
	 */
	record ImportForm(String name, String encoding, String separator, List<String> column, ImportMode mode,
			String lists, String tags, Consent.Type consentType, Boolean consentRequired, List<String> leaveOut) {

		ImportForm {
			// an unticked box is not sent at all
			consentRequired = Boolean.TRUE.equals(consentRequired);
			name = name == null || name.isBlank() ? "import.csv" : name;
			encoding = encoding == null ? "" : encoding;
			separator = separator == null ? "" : separator;
			column = column == null ? List.of() : column;
			mode = mode == null ? ImportMode.ADD_NEW : mode;
			lists = lists == null ? "" : lists;
			tags = tags == null ? "" : tags;
			consentType = consentType == null ? Consent.Type.IMPLIED_MEMBERSHIP : consentType;
			leaveOut = leaveOut == null ? List.of() : leaveOut;
		}

		ImportForm withCharsetAndSeparator(Charset charset, char separator) {
			return new ImportForm(this.name, charset.name(), String.valueOf(separator), this.column, this.mode,
					this.lists, this.tags, this.consentType, this.consentRequired, this.leaveOut);
		}

		SubscriberImportOptions toOptions() {
			return new SubscriberImportOptions(this.name, charset(this.encoding), ImportAdminController.separator(this.separator), this.column,
					this.mode, names(this.lists), names(this.tags), this.consentType, this.consentRequired,
					Set.copyOf(this.leaveOut));
		}

		public String target(int column) {
			return column < this.column.size() ? this.column.get(column) : SubscriberImportOptions.Column.IGNORE;
		}

		public boolean leavesOut(String attribute) {
			return this.leaveOut.contains(attribute);
		}

		private static Set<String> names(String text) {
			return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
		}

	}

}
