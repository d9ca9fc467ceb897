package io.infolettre.newsletter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/** A coordinator logged in to the admin UI over real HTTP: session cookie, CSRF tokens from the forms. */
public final class AdminSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final int port;

	private AdminSession(int port) {
		this.port = port;
	}

	public static AdminSession login(int port) {
		return login(port, NewsletterIntegrationTest.ADMIN, NewsletterIntegrationTest.PASSWORD);
	}

	/** Logged in as this person of the team (see TestPeople). */
	public static AdminSession login(int port, TestPeople.Credentials person) {
		return login(port, person.login(), person.password());
	}

	public static AdminSession login(int port, String login, String password) {
		var session = new AdminSession(port);
		var answer = session.post("/login", "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
				+ "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), session.get("/login").body());
		assertThat(answer.headers().firstValue("Location")).as("where the login leads")
			.hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));
		return session;
	}

	/** A browser without an account, for the public pages that have forms (session cookie, CSRF tokens). */
	public static AdminSession visitor(int port) {
		return new AdminSession(port);
	}

	/** A page, parsed. */
	public Document page(String path) {
		var response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	public HttpResponse<String> get(String path, String header, String value) {
		return send(HttpRequest.newBuilder(uri(path)).header(header, value).GET());
	}

	public HttpResponse<byte[]> download(String path) {
		try {
			return this.browser.send(HttpRequest.newBuilder(uri(path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Submits a form as the page that shows it does, with that page's CSRF token. */
	public HttpResponse<String> submit(String pagePath, String formAction) {
		return post(formAction, "", get(pagePath).body());
	}

	/**
	 * Submits a form filled in with these fields (name, value, name, value…; a name may repeat, as
	 * checkboxes do), with the CSRF token of the page that shows it.
	 */
	public HttpResponse<String> submit(String pagePath, String formAction, String... fields) {
		assertThat(fields.length % 2).as("fields come in name, value pairs").isZero();
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < fields.length; i += 2) {
			pairs.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
		}
		return post(formAction, String.join("&", pairs), get(pagePath).body());
	}

	/**
	 * Submits a multipart form (file uploads) as the page that shows it does, with its CSRF token.
	 * @param fields name, value pairs
	 * @param files name, file name, content triples
	 */
	public HttpResponse<String> upload(String pagePath, String formAction, List<String> fields, List<String> files) {
		var token = CSRF.matcher(get(pagePath).body());
		assertThat(token.find()).as("CSRF token on the page").isTrue();
		String boundary = "----infolettre" + System.nanoTime();
		var body = new StringBuilder();
		List<String> all = new ArrayList<>(fields);
		all.add("_csrf");
		all.add(token.group(1));
		for (int i = 0; i < all.size(); i += 2) {
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(all.get(i))
				.append("\"\r\n\r\n").append(all.get(i + 1)).append("\r\n");
		}
		for (int i = 0; i < files.size(); i += 3) {
			body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(files.get(i))
				.append("\"; filename=\"").append(files.get(i + 1))
				.append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(files.get(i + 2))
				.append("\r\n");
		}
		body.append("--").append(boundary).append("--\r\n");
		return send(HttpRequest.newBuilder(uri(formAction))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)));
	}

	/**
	 * Sends a multipart form with binary files (images) as the page that shows it does: its CSRF token
	 * added as a field, the answer asked in this type (a page, or JSON as a script asks).
	 */
	public HttpResponse<String> upload(String pagePath, String formAction, Multipart form, String accept) {
		var token = CSRF.matcher(get(pagePath).body());
		assertThat(token.find()).as("CSRF token on the page").isTrue();
		form.field("_csrf", token.group(1));
		return send(HttpRequest.newBuilder(uri(formAction))
			.header("Content-Type", form.contentType())
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofByteArray(form.body())));
	}

	private HttpResponse<String> post(String path, String form, String pageWithToken) {
		var token = CSRF.matcher(pageWithToken);
		assertThat(token.find()).as("CSRF token on the page").isTrue();
		String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + token.group(1);
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
