package io.infolettre.newsletter.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.infolettre.newsletter.rendering.TemplateLibrary;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads larger than allowed are refused with 413 and a sentence, as a page in the admin and as JSON
 * in the API: never a 500, never read whole into memory, never a connection left hanging.
 */
class UploadSizeIntegrationTests extends AbstractIntegrationTests {

	private static final int MB = 1024 * 1024;

	@Autowired
	TemplateLibrary templates;

	@Test
	void a31MegabyteTemplateOnTheAdminPageIsRefusedWithASentence() {
		var admin = AdminSession.login(this.port);
		String huge = "<p>" + "x".repeat(31 * MB) + "</p>";

		var response = admin.upload("/admin/templates", "/admin/templates", List.of("name", "enorme", "language", "fr"),
				List.of("html", "enorme.html", huge, "text", "enorme.txt", "texte"));

		assertThat(response.statusCode()).isEqualTo(413);
		var page = Jsoup.parse(response.body());
		assertThat(page.text()).contains("enorme.html").contains("le fichier dépasse 1 Mo");
		assertThat(response.body()).doesNotContain("Exception");
		assertThat(this.templates.templates()).noneMatch(t -> t.name().equals("enorme"));
	}

	@Test
	void a31MegabyteTemplateOnTheApiIsRefusedBeforeItIsRead() {
		String huge = "x".repeat(31 * MB);

		var response = http().api("POST", "/api/v1/templates",
				"{\"name\":\"enorme\",\"language\":\"fr\",\"html\":\"" + huge + "\",\"text\":\"t\"}");

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void aTemplateOverOneMegabyteOnTheApiIsRefusedWithASentence() {
		String large = "x".repeat(MB + 1);

		var response = http().api("POST", "/api/v1/templates",
				"{\"name\":\"grand\",\"language\":\"fr\",\"html\":\"" + large + "\",\"text\":\"t\"}");

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("Gabarit trop volumineux").contains("dépasse 1 Mo");
	}

	@Test
	void anImportAnnouncedLargerThanAllowedIsRefusedBeforeItsBodyIsSent() throws IOException {
		// what a browser announces for a 300 MB file: the answer comes before any of it is read
		String head = "POST /api/v1/imports HTTP/1.1\r\nHost: 127.0.0.1\r\n" + "Authorization: Basic "
				+ Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))
				+ "\r\nX-Requested-With: test\r\nAccept: application/json\r\n"
				+ "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + (300L * MB) + "\r\n\r\n";
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String answer = readHead(socket.getInputStream());

			assertThat(answer).startsWith("HTTP/1.1 413");
		}
	}

	private static String readHead(InputStream in) throws IOException {
		byte[] buffer = new byte[8192];
		int length = 0;
		while (length < buffer.length) {
			int read = in.read(buffer, length, buffer.length - length);
			if (read < 0) {
				break;
			}
			length += read;
			if (new String(buffer, 0, length, StandardCharsets.US_ASCII).contains("\r\n\r\n")) {
				break;
			}
		}
		return new String(Arrays.copyOf(buffer, length), StandardCharsets.US_ASCII);
	}

}
