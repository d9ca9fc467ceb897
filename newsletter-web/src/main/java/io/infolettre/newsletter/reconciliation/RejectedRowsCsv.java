package io.infolettre.newsletter.reconciliation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.infolettre.newsletter.subscriber.SubscriberImports;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The rows an import refused, as CSV for a spreadsheet (UTF-8 with a byte order mark, semicolons as
 * a French Excel expects, formula guard): the line of the file, the reason and the row as it was,
 * to correct and import again.
 */
@Component
public class RejectedRowsCsv {

	static final String[] HEADER = { "ligne", "raison", "ligne d’origine" };

	private final SubscriberImports imports;

	RejectedRowsCsv(SubscriberImports imports) {
		this.imports = imports;
	}

	public void respond(String jobId, String fileName, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		String name = DeliveryCsv.slug(fileName == null ? "" : fileName.replaceAll("(?i)\\.csv$", ""));
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename((name.isEmpty() ? "import" : name) + "-lignes-refusees.csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		write(jobId, response.getOutputStream());
	}

	void write(String jobId, OutputStream out) throws IOException {
		out.write(DeliveryCsv.BYTE_ORDER_MARK);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		CSVPrinter csv = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader(HEADER).get().print(writer);
		try {
			this.imports.forEachRejected(jobId, row -> {
				try {
					csv.printRecord(row.line(), DeliveryCsv.text(row.reason()), DeliveryCsv.text(row.original()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		csv.flush();
	}

}
