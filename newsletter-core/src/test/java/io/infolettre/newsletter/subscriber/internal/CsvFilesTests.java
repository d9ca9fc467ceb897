package io.infolettre.newsletter.subscriber.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeType;
import io.infolettre.newsletter.subscriber.SubscriberImportOptions.Column;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFilesTests {

	@TempDir
	Path dir;

	private Path write(byte[] content) throws Exception {
		Path file = Files.createTempFile(this.dir, "import", ".csv");
		Files.write(file, content);
		return file;
	}

	@Test
	void detectsUtf8WithOrWithoutBomAndWindows1252() throws Exception {
		String text = "Courriel;Prénom\na@b.ca;Hélène\n";
		byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
		byte[] bom = new byte[utf8.length + 3];
		bom[0] = (byte) 0xEF;
		bom[1] = (byte) 0xBB;
		bom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, bom, 3, utf8.length);

		assertThat(CsvFiles.detectCharset(write(utf8))).isEqualTo(StandardCharsets.UTF_8);
		assertThat(CsvFiles.detectCharset(write(bom))).isEqualTo(StandardCharsets.UTF_8);
		assertThat(CsvFiles.detectCharset(write(text.getBytes(Charset.forName("windows-1252")))))
			.isEqualTo(CsvFiles.WINDOWS_1252);
		assertThat(CsvFiles.detectCharset(write("email\na@b.ca\n".getBytes(StandardCharsets.US_ASCII))))
			.as("plain ASCII is UTF-8 too").isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void detectsTheSeparatorFromTheHeaderLineIgnoringQuotedOnes() throws Exception {
		assertThat(CsvFiles.detectSeparator(write("a;b;c\n1,2;3;4\n".getBytes(StandardCharsets.UTF_8)),
				StandardCharsets.UTF_8)).isEqualTo(';');
		assertThat(CsvFiles.detectSeparator(write("\"a;b;c\",d,e\n".getBytes(StandardCharsets.UTF_8)),
				StandardCharsets.UTF_8)).isEqualTo(',');
		assertThat(CsvFiles.detectSeparator(write("email\n".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8))
			.as("one column: a comma does no harm").isEqualTo(',');
	}

	@Test
	void givesEachRowThePhysicalLineItStartsOnAndSkipsTheBom() throws Exception {
		byte[] content = ("\uFEFFcourriel;note\r\na@b.ca;\"deux\r\nlignes; et un point-virgule\"\r\n\r\nc@d.ca;\"\"\"cité\"\"\"\r\n")
			.getBytes(StandardCharsets.UTF_8);
		List<CsvFiles.Row> rows = new ArrayList<>();
		try (CsvFiles.Rows reader = CsvFiles.open(write(content), StandardCharsets.UTF_8, ';')) {
			CsvFiles.Row row;
			while ((row = reader.next()) != null) {
				rows.add(row);
			}
		}

		assertThat(rows).extracting(CsvFiles.Row::line).containsExactly(1L, 2L, 4L, 5L);
		assertThat(rows.get(0).values()).containsExactly("courriel", "note");
		assertThat(rows.get(1).values()).containsExactly("a@b.ca", "deux\r\nlignes; et un point-virgule");
		assertThat(rows.get(2).isBlank()).isTrue();
		assertThat(rows.get(3).values()).containsExactly("c@d.ca", "\"cité\"");
	}

	@Test
	void guessesColumnsFromFrenchAndEnglishHeadersOncePerTarget() {
		var sector = new AttributeDefinition("secteur", "Secteur", AttributeType.CHOICE, List.of("Génie"), true);
		var since = new AttributeDefinition("membreDepuis", "Membre depuis", AttributeType.DATE, List.of(), true);

		assertThat(HeaderGuesses.guess(List.of("Courriel", "Prénom", "Nom", "Entreprise", "Secteur", "Membre depuis",
				"Notes", "E-mail"), List.of(sector, since)))
			.containsExactly(Column.EMAIL, Column.FIRST_NAME, Column.LAST_NAME, Column.COMPANY,
					Column.attribute("secteur"), Column.attribute("membreDepuis"), Column.IGNORE, Column.IGNORE);
		assertThat(HeaderGuesses.guess(List.of("Email Address", "First Name", "Last Name", "Company", "Language",
				"Sector", "Tags", "Consent"), List.of(sector)))
			.containsExactly(Column.EMAIL, Column.FIRST_NAME, Column.LAST_NAME, Column.COMPANY, Column.LANGUAGE,
					Column.attribute("secteur"), Column.TAGS, Column.CONSENT_TYPE);
	}

	@Test
	void remembersTheFirstLineOfEachAddress() {
		var seen = new LongLongMap();
		for (int i = 0; i < 10_000; i++) {
			assertThat(seen.putIfAbsent(LongLongMap.hash("membre" + i + "@exemple.ca"), i + 2)).isEqualTo(-1);
		}
		assertThat(seen.putIfAbsent(LongLongMap.hash("membre1234@exemple.ca"), 99_999)).isEqualTo(1236);
		assertThat(seen.size()).isEqualTo(10_000);
	}

}
