package io.infolettre.newsletter.reconciliation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import io.infolettre.newsletter.subscriber.UnsubscribeEntry;
import io.infolettre.newsletter.subscriber.UnsubscribeLog;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The unsubscribe audit log of a period as CSV, to show that every request was honoured in time
 * (CASL: within ten business days; here at once). UTF-8 with a byte order mark, French headers,
 * times in Quebec time.
 */
@Component
public class UnsubscribeCsv {

	static final String[] HEADER = { "demandé_le", "effectif_le", "délai_secondes", "adresse", "canal", "numéro",
			"numéro_id" };

	private static final ZoneId ZONE = ZoneId.of("America/Toronto");

	private static final Map<UnsubscribeChannel, String> CHANNELS = Map.of(UnsubscribeChannel.ONE_CLICK,
			"en un clic (client de courriel)", UnsubscribeChannel.UNSUBSCRIBE_PAGE, "page de désabonnement",
			UnsubscribeChannel.PREFERENCE_CENTER, "centre de préférences", UnsubscribeChannel.EMAIL,
			"courriel de désabonnement", UnsubscribeChannel.ADMIN, "coordination", UnsubscribeChannel.COMPLAINT,
			"plainte pour pourriel", UnsubscribeChannel.ADMIN_IMPORT, "import de la coordination");

	private final UnsubscribeLog log;

	private final IssueManagement issues;

	UnsubscribeCsv(UnsubscribeLog log, IssueManagement issues) {
		this.log = log;
		this.issues = issues;
	}

	/** Sends the entries requested from {@code from} to {@code to} (both days included, Quebec time). */
	public void respond(LocalDate from, LocalDate to, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("desabonnements-" + from + "-au-" + to + ".csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		write(from, to, response.getOutputStream());
	}

	void write(LocalDate from, LocalDate to, OutputStream out) throws IOException {
		out.write(DeliveryCsv.BYTE_ORDER_MARK);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(writer);
		Map<String, String> titles = new HashMap<>();
		Instant start = from.atStartOfDay(ZONE).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(ZONE).toInstant();
		try {
			this.log.forEach(start, end, entry -> print(csv, entry, titles));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		csv.flush();
	}

	private void print(CSVPrinter csv, UnsubscribeEntry entry, Map<String, String> titles) {
		String title = entry.issueId() == null ? ""
				: titles.computeIfAbsent(entry.issueId(),
						id -> this.issues.find(id).map(Issue::getTitle).orElse("(numéro supprimé)"));
		try {
			csv.printRecord(time(entry.requestedAt()), time(entry.effectiveAt()),
					Duration.between(entry.requestedAt(), entry.effectiveAt()).toSeconds(),
					DeliveryCsv.text(entry.email()), CHANNELS.get(entry.channel()), DeliveryCsv.text(title),
					entry.issueId() == null ? "" : entry.issueId());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String time(Instant at) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
	}

}
