package io.infolettre.newsletter.report;

import java.util.List;

/** A report's table as it is exported (CSV): a file name, French headers, rows of cells. */
public record ReportTable(String name, List<String> header, List<List<Object>> rows) {

	public ReportTable {
		header = List.copyOf(header);
		rows = List.copyOf(rows);
	}

}
