package io.infolettre.newsletter.reconciliation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.subscriber.CsvCells;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * An issue's ledger entries as CSV for a spreadsheet: UTF-8 with a byte order mark (so Excel reads
 * the accents right), comma-separated, quoted where needed (RFC 4180), French headers and labels.
 * Written to the response as the ledger is read.
 */
@Component
public class DeliveryCsv {

	static final String[] HEADER = { "adresse", "statut", "tentatives", "raison", "envoyé_le", "message_id",
			"doublon_possible" };

	static final byte[] BYTE_ORDER_MARK = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final Locale FRENCH = Locale.CANADA_FRENCH;

	// the association's time, as the admin pages show it
	private static final ZoneId ZONE = ZoneId.of("America/Toronto");

	private final Reconciliation reconciliation;

	private final MessageSource messages;

	DeliveryCsv(Reconciliation reconciliation, MessageSource messages) {
		this.reconciliation = reconciliation;
		this.messages = messages;
	}

	/** Sends the group's entries as an attachment named after the issue and the group. */
	public void respond(String issueId, String issueTitle, DeliveryFilter filter, HttpServletResponse response)
			throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(filename(issueTitle, filter), StandardCharsets.UTF_8)
					.build()
					.toString());
		write(issueId, filter, response.getOutputStream());
	}

	void write(String issueId, DeliveryFilter filter, OutputStream out) throws IOException {
		out.write(BYTE_ORDER_MARK);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer);
		try {
			this.reconciliation.forEach(issueId, filter, row -> print(csv, row));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		csv.flush();
	}

	private void print(CSVPrinter csv, DeliveryRow row) {
		Delivery delivery = row.delivery();
		try {
			csv.printRecord(text(row.email()), label(delivery.getStatus()), delivery.getAttempts(),
					text(delivery.getError()),
					delivery.getSentAt() == null ? ""
							: DateTimeFormatter.ISO_OFFSET_DATE_TIME
								.format(delivery.getSentAt().truncatedTo(ChronoUnit.SECONDS).atZone(ZONE)),
					delivery.getMessageId(), delivery.isPossibleDuplicate() ? "oui" : "non");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String label(DeliveryStatus status) {
		return this.messages.getMessage("delivery.status." + status, null, status.name(), FRENCH);
	}

	/** {@code infolettre-decembre-2026-non-remis.csv} */
	String filename(String issueTitle, DeliveryFilter filter) {
		String title = slug(issueTitle);
		String group = slug(this.messages.getMessage("reconciliation.filter." + filter, null, filter.param(), FRENCH));
		return (title.isEmpty() ? "numero" : title) + "-" + group + ".csv";
	}

	static String slug(String text) {
		// accents go with NFD; the French ligatures (vœux, cœur) are letters of their own
		String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace("œ", "oe")
			.replace("Œ", "OE")
			.replace("æ", "ae")
			.replace("Æ", "AE");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
		return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug;
	}

	// Addresses and SMTP replies come from outside: a cell starting with = + - @ would be run as a
	// formula by a spreadsheet, so it is prefixed with an apostrophe (OWASP's advice), which an import
	// takes off again.
	static String text(String value) {
		return CsvCells.guard(value);
	}

}
