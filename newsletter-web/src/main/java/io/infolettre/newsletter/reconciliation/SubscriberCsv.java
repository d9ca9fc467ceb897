package io.infolettre.newsletter.reconciliation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.segment.AudienceMembers;
import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The members of an audience (a list, everyone; a saved segment by the same call) as CSV, written as
 * the cursor reads them. UTF-8 with a byte order mark so that Excel shows the accents; semicolons by
 * default, since Excel set up in French (Quebec) splits on semicolons (its decimal separator is the
 * comma), commas on request. Every cell from outside goes through the formula guard of
 * {@link DeliveryCsv#text}. The headers are those the import recognises, so an export imports back.
 */
@Component
public class SubscriberCsv {

	private static final ZoneId ZONE = ZoneId.of("America/Toronto");

	private static final Map<SubscriberStatus, String> STATUSES = Map.of(SubscriberStatus.ACTIVE, "actif",
			SubscriberStatus.PENDING_CONFIRMATION, "en attente de confirmation", SubscriberStatus.UNSUBSCRIBED,
			"désabonné", SubscriberStatus.BOUNCED, "adresse en échec", SubscriberStatus.COMPLAINED,
			"plainte pour pourriel");

	private static final Map<Consent.Type, String> CONSENTS = Map.of(Consent.Type.EXPRESS, "exprès",
			Consent.Type.IMPLIED_MEMBERSHIP, "membre", Consent.Type.IMPLIED_BUSINESS_RELATIONSHIP,
			"relation d’affaires");

	private final AudienceMembers members;

	private final AttributeDefinitions attributes;

	SubscriberCsv(AudienceMembers members, AttributeDefinitions attributes) {
		this.members = members;
		this.attributes = attributes;
	}

	/** Sends the audience as an attachment named after it. */
	public void respond(Audience audience, char separator, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		String name = audience.isWholeBase() ? "tous" : DeliveryCsv.slug(audience.list());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("abonnes-" + (name.isEmpty() ? "liste" : name) + ".csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		write(audience, separator, response.getOutputStream());
	}

	public void write(Audience audience, char separator, OutputStream out) throws IOException {
		if (separator != ';' && separator != ',') {
			throw new IllegalArgumentException("Séparateur : ; ou ,");
		}
		List<AttributeDefinition> definitions = this.attributes.all();
		List<String> header = new ArrayList<>(List.of("courriel", "prénom", "nom", "entreprise", "langue", "statut",
				"listes", "étiquettes"));
		definitions.forEach(definition -> header.add(definition.label()));
		header.addAll(List.of("consentement", "source du consentement", "date du consentement",
				"consentement échu le", "consentement retiré le"));
		out.write(DeliveryCsv.BYTE_ORDER_MARK);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65536);
		CSVPrinter csv = CSVFormat.RFC4180.builder()
			.setDelimiter(separator)
			.setHeader(header.toArray(String[]::new))
			.get()
			.print(writer);
		try {
			this.members.forEach(audience, subscriber -> print(csv, subscriber, definitions));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		csv.flush();
	}

	private static void print(CSVPrinter csv, Subscriber subscriber, List<AttributeDefinition> definitions) {
		List<Object> row = new ArrayList<>(16 + definitions.size());
		row.add(DeliveryCsv.text(subscriber.getEmail().value()));
		row.add(DeliveryCsv.text(subscriber.getFirstName()));
		row.add(DeliveryCsv.text(subscriber.getLastName()));
		row.add(DeliveryCsv.text(subscriber.getCompany()));
		row.add(subscriber.getLanguage());
		row.add(STATUSES.get(subscriber.getStatus()));
		row.add(DeliveryCsv.text(String.join(" | ", new TreeSet<>(subscriber.getLists()))));
		row.add(DeliveryCsv.text(String.join(" | ", new TreeSet<>(subscriber.getTags()))));
		Map<String, Object> values = subscriber.getAttributes();
		for (AttributeDefinition definition : definitions) {
			Object value = values.get(definition.name());
			row.add(value instanceof Boolean yes ? (yes ? "oui" : "non")
					: DeliveryCsv.text(value == null ? "" : String.valueOf(value)));
		}
		Consent consent = subscriber.getConsent();
		row.add(consent == null ? "" : CONSENTS.get(consent.type()));
		row.add(consent == null ? "" : DeliveryCsv.text(consent.source()));
		row.add(consent == null ? "" : date(consent.grantedAt()));
		row.add(consent == null ? "" : date(consent.expiresAt()));
		row.add(consent == null ? "" : date(consent.withdrawnAt()));
		try {
			csv.printRecord(row);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String date(Instant at) {
		return at == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(ZONE));
	}

}
