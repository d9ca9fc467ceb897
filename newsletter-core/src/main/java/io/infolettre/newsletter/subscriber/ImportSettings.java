package io.infolettre.newsletter.subscriber;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How CSV imports keep their files and their report.
 *
 * @param dir where uploaded files wait for their import, readable by the application's user only
 * ({@code ${java.io.tmpdir}/infolettre-imports} by default)
 * @param rowsKept refused rows kept per import with their line, reasons and original text, the
 * first ones in line order (as many rows imported with a warning); every refusal is still counted
 * by reason
 * @param stopSample rows read after which, and after every as many again, an import made almost only
 * of refusals stops
 * @param stopRefusedPercent the share of rows refused for their form (separator, encoding, mapping)
 * above which it stops
 */
@ConfigurationProperties("newsletter.imports")
public record ImportSettings(Path dir, Integer rowsKept, Integer stopSample, Integer stopRefusedPercent) {

	public ImportSettings {
		dir = dir == null || dir.toString().isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "infolettre-imports")
				: dir;
		rowsKept = rowsKept == null ? 10_000 : Math.max(0, rowsKept);
		stopSample = stopSample == null ? 1_000 : Math.max(1, stopSample);
		stopRefusedPercent = stopRefusedPercent == null ? 90 : Math.min(100, Math.max(0, stopRefusedPercent));
	}

	public static ImportSettings defaults() {
		return new ImportSettings(null, null, null, null);
	}

	/** Whether so many of so many rows refused for their form mean the file is not read as it should be. */
	public boolean stops(long rows, long refusedForForm) {
		return rows >= this.stopSample && this.stopRefusedPercent < 100
				&& refusedForForm * 100 > rows * this.stopRefusedPercent;
	}

}
