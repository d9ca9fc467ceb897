package io.infolettre.newsletter.composition.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * Asks the servers of an issue's images whether they serve them: a HEAD request per address, with
 * short timeouts, all at once, that must answer 2xx with an {@code image/*} type. Redirects are
 * followed by hand (three at most), only to http or https. An address on this machine or a private
 * network is not asked: members could not load it either, and the preflight must not become a way to
 * reach the server's neighbours.
 */
@Component
public class ImageProbe {

	/** The most images asked per preflight; the others are reported as not checked. */
	public static final int MAX_IMAGES = 10;

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

	private static final int MAX_REDIRECTS = 3;

	/** What one address answered. */
	public record Answer(String url, boolean loads, String reason, long bytes) {

		static Answer loads(String url, long bytes) {
			return new Answer(url, true, null, bytes);
		}

		static Answer fails(String url, String reason) {
			return new Answer(url, false, reason, -1);
		}

	}

	private final HttpClient client;

	private final boolean privateAddresses;

	public ImageProbe() {
		this(false);
	}

	/** @param privateAddresses whether addresses on this machine or a private network are asked (tests) */
	ImageProbe(boolean privateAddresses) {
		this.privateAddresses = privateAddresses;
		this.client = HttpClient.newBuilder()
			.connectTimeout(CONNECT_TIMEOUT)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** The answer for each address, in their order; at most {@link #MAX_IMAGES} are asked. */
	public Map<String, Answer> probe(List<String> urls) {
		List<String> asked = urls.stream().distinct().limit(MAX_IMAGES).toList();
		if (asked.isEmpty()) {
			return Map.of();
		}
		// a thread each: the name lookups block, and the common pool may have a single thread
		ExecutorService threads = Executors.newFixedThreadPool(asked.size(), runnable -> {
			var thread = new Thread(runnable, "preflight-image-probe");
			thread.setDaemon(true);
			return thread;
		});
		var pending = new LinkedHashMap<String, CompletableFuture<Answer>>();
		for (String url : asked) {
			pending.put(url, CompletableFuture.supplyAsync(() -> probe(url, 0), threads));
		}
		try {
			return answers(pending);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static Map<String, Answer> answers(Map<String, CompletableFuture<Answer>> pending) {
		var answers = new LinkedHashMap<String, Answer>();
		// one deadline for all: a preflight waits seconds, not a timeout per image or per redirect
		long deadline = System.nanoTime() + REQUEST_TIMEOUT.plus(CONNECT_TIMEOUT).toNanos();
		pending.forEach((url, future) -> {
			try {
				answers.put(url, future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
			catch (TimeoutException ex) {
				future.cancel(true);
				answers.put(url, Answer.fails(url, "pas de réponse à temps"));
			}
			catch (ExecutionException ex) {
				answers.put(url, Answer.fails(url, "erreur : " + ex.getCause()));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				answers.put(url, Answer.fails(url, "vérification interrompue"));
			}
		});
		return answers;
	}

	private Answer probe(String url, int redirects) {
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			return Answer.fails(url, "adresse invalide");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			return Answer.fails(url, "adresse qui n'est pas en http ou https");
		}
		String refusal = unreachableHost(uri.getHost());
		if (refusal != null) {
			return Answer.fails(url, refusal);
		}
		HttpResponse<Void> response;
		try {
			var request = HttpRequest.newBuilder(uri)
				.method("HEAD", HttpRequest.BodyPublishers.noBody())
				.timeout(REQUEST_TIMEOUT)
				.header("User-Agent", "Infolettre-verification-avant-envoi")
				.build();
			response = this.client.send(request, HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			return Answer.fails(url, "le serveur ne répond pas (" + ex.getClass().getSimpleName() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Answer.fails(url, "vérification interrompue");
		}
		int status = response.statusCode();
		if (status >= 300 && status < 400) {
			var location = response.headers().firstValue("Location");
			if (location.isEmpty() || redirects >= MAX_REDIRECTS) {
				return Answer.fails(url, "trop de redirections ou redirection sans destination (" + status + ")");
			}
			Answer next = probe(uri.resolve(location.get()).toString(), redirects + 1);
			return next.loads() ? Answer.loads(url, next.bytes()) : Answer.fails(url, next.reason());
		}
		if (status < 200 || status >= 300) {
			return Answer.fails(url, "le serveur répond " + status);
		}
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (!type.toLowerCase(Locale.ROOT).startsWith("image/")) {
			return Answer.fails(url, "ce n'est pas une image (" + (type.isEmpty() ? "type inconnu" : type) + ")");
		}
		return Answer.loads(url, response.headers().firstValueAsLong("Content-Length").orElse(-1));
	}

	/** Why the host cannot be asked, or {@code null}. */
	private String unreachableHost(String host) {
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(host);
		}
		catch (UnknownHostException ex) {
			return "nom de serveur inconnu (" + host + ")";
		}
		if (this.privateAddresses) {
			return null;
		}
		for (InetAddress address : addresses) {
			if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
					|| address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal(address)) {
				return "adresse privée (" + host + ") que les destinataires ne peuvent pas joindre";
			}
		}
		return null;
	}

	// IPv6 fc00::/7, which isSiteLocalAddress does not cover
	private static boolean uniqueLocal(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
	}

}
