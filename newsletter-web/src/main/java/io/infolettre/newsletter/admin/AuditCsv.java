package io.infolettre.newsletter.admin;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.infolettre.newsletter.audit.AuditEntry;
import io.infolettre.newsletter.audit.AuditLog;
import io.infolettre.newsletter.audit.AuditQuery;
import io.infolettre.newsletter.audit.FieldChange;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The audit log as CSV, streamed from the database as it is written: one row per field changed (one
 * row for an entry that changed none), UTF-8 with a byte order mark for spreadsheets, French headers,
 * times in Quebec time. A cell that a spreadsheet would read as a formula starts with a quote.
 */
@Component
class AuditCsv {

	static final String[] HEADER = { "date", "personne", "personne_id", "jeton", "adresse", "type", "cible_id",
			"cible", "action", "action_code", "champ", "avant", "après" };

	private static final byte[] BYTE_ORDER_MARK = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final AuditLog log;

	private final MessageSource messages;

	AuditCsv(AuditLog log, MessageSource messages) {
		this.log = log;
		this.messages = messages;
	}

	void respond(AuditQuery query, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("journal.csv", StandardCharsets.UTF_8).build().toString());
		write(query, response.getOutputStream());
	}

	void write(AuditQuery query, OutputStream out) throws IOException {
		out.write(BYTE_ORDER_MARK);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer);
		try {
			this.log.forEach(query, entry -> print(csv, entry));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		csv.flush();
	}

	private void print(CSVPrinter csv, AuditEntry entry) {
		String kind = this.messages.getMessage("audit.kind." + entry.kind().name(), null, entry.kind().name(),
				Locale.CANADA_FRENCH);
		try {
			if (entry.changes().isEmpty()) {
				row(csv, entry, kind, new FieldChange("", null, null));
			}
			for (FieldChange change : entry.changes()) {
				row(csv, entry, kind, change);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void row(CSVPrinter csv, AuditEntry entry, String kind, FieldChange change) throws IOException {
		csv.printRecord(TIME.format(entry.at().truncatedTo(ChronoUnit.SECONDS).atZone(AuditFilter.ZONE)),
				text(entry.actor().name()), text(entry.actor().personId()), text(entry.actor().tokenId()),
				text(entry.actor().address()), kind, text(entry.targetId()), text(entry.targetLabel()),
				text(entry.actionText()), entry.action(), text(change.field()), text(change.before()),
				text(change.after()));
	}

	// a value a spreadsheet would run as a formula is written as text
	private static String text(String value) {
		if (value == null) {
			return "";
		}
		return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
	}

}
