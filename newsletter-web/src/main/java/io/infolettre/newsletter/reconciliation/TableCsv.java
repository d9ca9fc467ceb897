package io.infolettre.newsletter.reconciliation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Any table of figures as CSV, written the way the ledger's export is ({@link DeliveryCsv}): UTF-8
 * with a byte order mark, RFC 4180, and text cells that a spreadsheet would run as formulas prefixed
 * with an apostrophe. Numbers are written as they are (a negative number is not a formula).
 */
public final class TableCsv {

	private TableCsv() {
	}

	/** Sends the table as an attachment; the name is made of ASCII letters, digits and dashes. */
	public static void respond(String name, List<String> header, List<? extends List<?>> rows, HttpServletResponse response)
			throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename(DeliveryCsv.slug(name) + ".csv", StandardCharsets.UTF_8)
					.build()
					.toString());
		write(header, rows, response.getOutputStream());
	}

	public static void write(List<String> header, List<? extends List<?>> rows, OutputStream out) throws IOException {
		out.write(DeliveryCsv.BYTE_ORDER_MARK);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(writer);
		for (List<?> row : rows) {
			List<Object> cells = new ArrayList<>(row.size());
			for (Object cell : row) {
				cells.add(cell instanceof String text ? DeliveryCsv.text(text) : cell);
			}
			csv.printRecord(cells);
		}
		csv.flush();
	}

}
