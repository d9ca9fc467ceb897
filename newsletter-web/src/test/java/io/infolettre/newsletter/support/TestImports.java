package io.infolettre.newsletter.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** CSV imports through the API: a multipart upload, then the job polled until it finishes. */
public final class TestImports {

	private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newHttpClient();

	private final int port;

	public TestImports(int port) {
		this.port = port;
	}

	/** Uploads the file with these options (JSON, or null) and returns the job id from the 202. */
	public String start(String fileName, byte[] content, String optionsJson) {
		String boundary = "----infolettre" + UUID.randomUUID();
		var body = new ByteArrayOutputStream();
		write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n");
		body.writeBytes(content);
		write(body, "\r\n");
		if (optionsJson != null) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"options\"\r\n"
					+ "Content-Type: application/json\r\n\r\n" + optionsJson + "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		// a multipart upload is what a form sends too: a script adds X-Requested-With
		var response = send(request("/api/v1/imports").header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-Requested-With", "TestImports")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		Matcher id = ID.matcher(response.body());
		assertThat(id.find()).isTrue();
		return id.group(1);
	}

	/** The job's JSON once it is DONE, STOPPED or FAILED. */
	public String awaitFinished(String jobId) {
		String[] job = new String[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
			job[0] = get("/api/v1/imports/" + jobId);
			return job[0].matches("(?s).*\"status\":\"(DONE|STOPPED|FAILED)\".*");
		});
		return job[0];
	}

	/** Imports and waits: the finished job's JSON. */
	public String run(String fileName, byte[] content, String optionsJson) {
		return awaitFinished(start(fileName, content, optionsJson));
	}

	public String get(String path) {
		return send(request(path).GET(), HttpResponse.BodyHandlers.ofString()).body();
	}

	/** A CSV download: checks the byte order mark and parses the rest with commons-csv. */
	public List<CSVRecord> csv(String path, char separator) {
		byte[] body = send(request(path).setHeader("Accept", "*/*").GET(), HttpResponse.BodyHandlers.ofByteArray())
			.body();
		assertThat(Arrays.copyOf(body, 3)).as("a byte order mark for Excel")
			.containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
		try {
			return CSVFormat.RFC4180.builder()
				.setDelimiter(separator)
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new StringReader(new String(body, 3, body.length - 3, StandardCharsets.UTF_8)))
				.getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A number field of a job's JSON. */
	public static long count(String json, String field) {
		Matcher value = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
		assertThat(value.find()).as(field + " in " + json).isTrue();
		return Long.parseLong(value.group(1));
	}

	private HttpRequest.Builder request(String path) {
		String credentials = Base64.getEncoder()
			.encodeToString((NewsletterIntegrationTest.ADMIN + ":" + NewsletterIntegrationTest.PASSWORD)
				.getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json");
	}

	private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
		try {
			return this.client.send(request.build(), handler);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
