package io.infolettre.newsletter.subscriber;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestImports;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static io.infolettre.newsletter.support.TestImports.count;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What keeps one bad import from taking the application down: only the first refused rows are kept
 * (500 in the test suite, {@code newsletter.imports.rows-kept}; 10,000 by default) while every one
 * is counted by reason, the job's page and its CSV read a page of kept rows at a time, an import
 * made of almost nothing but refusals stops, and uploaded files are private and never left behind.
 */
class ImportLimitsIntegrationTests extends AbstractIntegrationTests {

	private static final int KEPT = 500;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private MongoTemplate mongo;

	@Autowired
	private Subscribers subscribers;

	@Autowired
	private ImportSettings settings;

	private TestImports imports() {
		return new TestImports(this.port);
	}

	private String address(String name) {
		return name + "-" + this.tag + "@limites.exemple.ca";
	}

	@Test
	void ofManyRefusedRowsTheFirstAreKeptEveryOneIsCountedByReasonAndThePageAndCsvAnswer() {
		var file = new StringBuilder("courriel;langue\n");
		for (int i = 0; i < 3000; i++) {
			if (i % 2 == 0) {
				file.append(address("m" + i)).append(";fr\n");
			}
			else {
				// every third bad row has a second problem
				file.append("pas-une-adresse-").append(i).append(i % 3 == 0 ? ";xx\n" : ";fr\n");
			}
		}

		String job = imports().run("beaucoup.csv", file.toString().getBytes(StandardCharsets.UTF_8),
				"{\"lists\":[\"limites-" + this.tag + "\"]}");
		String id = job.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

		assertThat(job).contains("\"status\":\"DONE\"");
		assertThat(count(job, "added")).isEqualTo(1500);
		assertThat(count(job, "rejected")).isEqualTo(1500);
		assertThat(count(job, "rejectedKept")).isEqualTo(KEPT);
		assertThat(count(job, "EMAIL_INVALID")).isEqualTo(1500);
		assertThat(count(job, "LANGUAGE_UNKNOWN")).isEqualTo(500);
		assertThat(this.mongo.count(Query.query(Criteria.where("_id").regex("^" + id + ":")), "subscriber_import_rows"))
			.as("what is stored of the refused rows").isEqualTo(KEPT);

		List<CSVRecord> csv = imports().csv("/api/v1/imports/" + id + "/rejected.csv", ';');
		assertThat(csv).hasSize(KEPT);
		assertThat(csv.get(0).get("ligne")).isEqualTo("3");
		assertThat(csv.get(KEPT - 1).get("ligne")).as("the first ones, in line order").isEqualTo(String.valueOf(2 * KEPT + 1));
		assertThat(csv.get(1).get("raison")).isEqualTo("adresse courriel invalide : « pas-une-adresse-3 » ; "
				+ "langue inconnue : « xx » (fr ou en)");

		AdminSession admin = AdminSession.login(this.port);
		Document page = admin.page("/admin/imports/" + id);
		assertThat(page.getElementById("count-rejected").text()).isEqualTo("1500");
		assertThat(page.getElementById("rejected-capped").text()).as("500 kept of 1 500")
			.matches(".*\\b500\\b.*\\b1\\D?500\\b.*");
		assertThat(page.getElementById("reason-EMAIL_INVALID").text()).isEqualTo("Adresse courriel invalide 1500");
		assertThat(page.getElementById("reason-LANGUAGE_UNKNOWN").text()).isEqualTo("Langue inconnue 500");
		assertThat(page.select("#rejected-rows tbody tr")).hasSize(50);
		assertThat(page.getElementById("rejected-page").text()).isEqualTo("1 / 10");
		Document second = admin.page("/admin/imports/" + id + "?page=2");
		assertThat(second.select("#rejected-rows tbody tr").first().child(0).text()).as("the 51st refused row")
			.isEqualTo("103");
		Document beyond = admin.page("/admin/imports/" + id + "?page=99");
		assertThat(beyond.getElementById("rejected-page").text()).isEqualTo("10 / 10");
		assertThat(beyond.select("#rejected-rows tbody tr").last().child(0).text()).isEqualTo(String.valueOf(2 * KEPT + 1));
	}

	@Test
	void anImportOfAlmostOnlyRefusalsStopsAfterItsSampleSaysWhyAndKeepsWhatItImported() {
		var file = new StringBuilder("courriel,prénom\n");
		for (int i = 0; i < 3000; i++) {
			// a file read with the wrong separator: one cell holds the whole row
			file.append(i < 50 ? address("bon" + i) + ",Anne" : "\"" + address("x" + i) + ";Anne;Côté\",").append('\n');
		}

		String job = imports().run("mauvais-separateur.csv", file.toString().getBytes(StandardCharsets.UTF_8),
				"{\"lists\":[\"limites-" + this.tag + "\"]}");

		assertThat(job).contains("\"status\":\"STOPPED\"");
		assertThat(count(job, "rows")).as("stopped after its sample").isEqualTo(1000);
		assertThat(count(job, "added")).isEqualTo(50);
		assertThat(count(job, "rejected")).isEqualTo(950);
		assertThat(job).contains("Import arrêté après 1").contains("séparateur").contains("encodage")
			.contains("l’association des colonnes").contains("Les 50 lignes acceptées avant l’arrêt ont été importées");
		assertThat(this.subscribers.findByEmail(EmailAddress.of(address("bon49")))).as("kept").isPresent();
		String id = job.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
		Document page = AdminSession.login(this.port).page("/admin/imports/" + id);
		assertThat(page.getElementById("import-status").text()).isEqualTo("Arrêté");
		assertThat(page.getElementById("import-stopped").text()).contains("arrêté après 1").contains("séparateur")
			.contains("50 lignes acceptées");
		assertThat(AdminSession.login(this.port).page("/admin/imports/" + id + "?lang=en").getElementById("import-stopped")
			.text()).contains("stopped after 1,000 rows").contains("separator");
	}

	@Test
	void anUploadIsReadableByTheApplicationOnlyAndDeletedWhenTheCoordinatorCancels() throws IOException {
		AdminSession admin = AdminSession.login(this.port);
		var uploaded = admin.upload("/admin/imports", "/admin/imports", List.of(),
				List.of("file", "membres.csv", "courriel\n" + address("a") + "\n"));
		String mapping = uploaded.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
		String uploadId = mapping.replaceAll(".*/upload/([^?]+).*", "$1");
		Path file = this.settings.dir().resolve(uploadId + ".csv");

		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.getPosixFilePermissions(this.settings.dir()))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));

		var cancelled = admin.submit(mapping, "/admin/imports/upload/" + uploadId + "/cancel");
		assertThat(cancelled.statusCode()).isEqualTo(302);
		assertThat(file).doesNotExist();
	}

	@Test
	void aFileTheApiRefusesIsNotLeftInTheImportFolder() throws IOException {
		List<Path> before = uploads();
		var refused = http().api("POST", "/api/v1/imports", "multipart/form-data; boundary=b",
				("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sans-adresse.csv\"\r\n"
						+ "Content-Type: text/csv\r\n\r\nprénom;nom\r\nAnne;Côté\r\n--b--\r\n")
					.getBytes(StandardCharsets.UTF_8));

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(refused.body()).contains("Une colonne doit contenir l’adresse courriel");
		// (an import that just finished may still be deleting its own)
		assertThat(uploads()).as("no file left behind").allMatch(before::contains);
	}

	private List<Path> uploads() throws IOException {
		if (!Files.isDirectory(this.settings.dir())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.settings.dir())) {
			return files.toList();
		}
	}

}
