package io.infolettre.newsletter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Real HTTP requests to the running application, as a mail client or an API user makes them. */
public final class TestHttp {

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final int port;

	public TestHttp(int port) {
		this.port = port;
	}

	/** Keeps only the path and query of a URL from a message, so it reaches this test's server. */
	public URI local(String urlOrPath) {
		if (!urlOrPath.startsWith("http")) {
			return URI.create("http://127.0.0.1:" + this.port + urlOrPath);
		}
		URI uri = URI.create(urlOrPath);
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		return URI.create("http://127.0.0.1:" + this.port + uri.getRawPath() + query);
	}

	public HttpResponse<String> get(String urlOrPath) {
		return send(HttpRequest.newBuilder(local(urlOrPath)).GET());
	}

	public HttpResponse<byte[]> getBytes(String urlOrPath) {
		return getBytes(urlOrPath, "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0");
	}

	/** A GET as this user agent (by default a mail client: an HTTP library's own counts as a scanner). */
	public HttpResponse<byte[]> getBytes(String urlOrPath, String userAgent) {
		try {
			return this.client.send(HttpRequest.newBuilder(local(urlOrPath)).header("User-Agent", userAgent).GET().build(),
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

	/** A form POST as a mail client sends for RFC 8058 one-click unsubscribe. */
	public HttpResponse<String> postForm(String urlOrPath, String body) {
		return send(HttpRequest.newBuilder(local(urlOrPath))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** An API call without a body: a script says so with X-Requested-With (no form can send it). */
	public HttpResponse<String> api(String method, String path) {
		return send(apiRequest(path).header("X-Requested-With", "TestHttp")
			.method(method, HttpRequest.BodyPublishers.noBody()));
	}

	public HttpResponse<String> api(String method, String path, String json) {
		return send(apiRequest(path).header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	/**
	 * An API call with a body of any type, such as a bounce message; a multipart upload is what a
	 * form sends too, so a script adds X-Requested-With to it.
	 */
	public HttpResponse<String> api(String method, String path, String contentType, byte[] body) {
		var request = apiRequest(path).header("Content-Type", contentType);
		if (contentType.startsWith("multipart/form-data")) {
			request.header("X-Requested-With", "TestHttp");
		}
		return send(request.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** An API download, such as a CSV export, byte for byte. */
	public HttpResponse<byte[]> apiBytes(String path) {
		try {
			return this.client.send(apiRequest(path).setHeader("Accept", "*/*").GET().build(),
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

	/** The same call without credentials. */
	public HttpResponse<String> anonymous(String method, String path, String contentType, byte[] body) {
		return send(HttpRequest.newBuilder(local(path)).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	private HttpRequest.Builder apiRequest(String path) {
		String credentials = Base64.getEncoder()
			.encodeToString((NewsletterIntegrationTest.ADMIN + ":" + NewsletterIntegrationTest.PASSWORD)
				.getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(local(path))
			.header("Authorization", "Basic " + credentials)
			.header("Accept", "application/json");
	}

	/** Sends a request built by the test itself (its own headers), answered as a string. */
	public HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
