package io.infolettre.newsletter.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.support.TestPeople;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing over real HTTP, on the login form and on the API's HTTP Basic. Each test uses an
 * account of its own and comes from an address of its own (X-Forwarded-For, which the server trusts
 * from its loopback proxy), and forgets both afterwards through the throttle itself, so that no other
 * test's login is ever locked. A password opens the API only for the first administrator, so the
 * tests of the API's HTTP Basic guess theirs, and forget it too.
 */
class LoginThrottleIntegrationTests extends AbstractIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	TestPeople people;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	PasswordCheckLimit passwordChecks;

	private final String account = "essai-" + UUID.randomUUID();

	private final String password = "mot-de-passe-" + UUID.randomUUID();

	private final String client = "198.51.100." + (1 + (int) (Math.random() * 200));

	@BeforeEach
	void createAccount() {
		this.people.create(this.account, this.password, Role.ADMIN);
	}

	@AfterEach
	void forget() {
		this.throttle.forgetAccount(this.account);
		this.throttle.forgetAccount(ADMIN);
		this.throttle.forgetClient(this.client);
		this.throttle.forgetClient("192.0.2.77");
	}

	@Test
	void fiftyWrongPasswordsOnTheFormCostFiveChecksThenEvenTheRightOneIsRefusedWithTheWait() {
		var browser = new Browser(this.client);
		long checks = this.passwordChecks.checks();

		int locked = 0;
		for (int i = 0; i < 50; i++) {
			String location = browser.login(this.account, "faux-" + i);
			assertThat(location).containsAnyOf("/login?error", "/login?locked");
			locked += location.endsWith("/login?locked") ? 1 : 0;
		}

		assertThat(this.passwordChecks.checks() - checks).as("hashes computed for 50 attempts").isEqualTo(5);
		assertThat(locked).isEqualTo(45);
		var page = browser.get("/login?locked");
		assertThat(page.statusCode()).isEqualTo(429);
		assertThat(Jsoup.parse(page.body()).select("#login-locked").text())
			.isEqualTo("Trop de tentatives de connexion. Réessayez dans 1 minute.");
		assertThat(browser.login(this.account, this.password)).endsWith("/login?locked");
		assertThat(browser.get("/admin/issues").statusCode()).as("not logged in").isEqualTo(302);
		assertThat(new Browser("192.0.2.77").login(this.account, this.password))
			.as("the account is locked from every address")
			.endsWith("/login?locked");
	}

	@Test
	void wrongPasswordsOnTheApiLockTheFormToo() {
		for (int i = 0; i < 5; i++) {
			assertThat(basic(ADMIN, "faux", this.client).statusCode()).isEqualTo(401);
		}

		var api = basic(ADMIN, PASSWORD, "192.0.2.77");
		assertThat(api.statusCode()).as("the account is locked from every address").isEqualTo(429);
		assertThat(api.headers().firstValue("Retry-After")).hasValueSatisfying(
				seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
		assertThat(api.body()).contains("réessayez dans 1 minute");
		assertThat(new Browser(this.client).login(ADMIN, PASSWORD)).endsWith("/login?locked");
	}

	@Test
	void theApiIsNoPlaceToGuessAPasswordOfTheTeam() {
		String unknown = "inconnu-" + UUID.randomUUID();
		long checks = this.passwordChecks.checks();
		for (int i = 0; i < 5; i++) {
			basic(unknown, "faux", "192.0.2.77");
			basic(this.account, "faux", this.client);
		}
		var unknownAnswer = basic(unknown, "faux", "192.0.2.77");
		var knownAnswer = basic(this.account, this.password, this.client);

		assertThat(unknownAnswer.statusCode()).isEqualTo(knownAnswer.statusCode()).isEqualTo(401);
		assertThat(unknownAnswer.body()).isEqualTo(knownAnswer.body()).contains("jeton d’API");
		assertThat(this.passwordChecks.checks() - checks).as("no password checked").isZero();
		assertThat(new Browser(this.client).login(this.account, this.password)).as("nothing counted against the account")
			.endsWith("/admin");
	}

	@Test
	void whenEveryPasswordCheckIsTakenALoginIsRefusedAtOnceNotQueued() throws Exception {
		int permits = this.passwordChecks.permits();
		var taken = new CountDownLatch(permits);
		var release = new CountDownLatch(1);
		ExecutorService holders = Executors.newFixedThreadPool(permits);
		try {
			for (int i = 0; i < permits; i++) {
				holders.submit(() -> this.passwordChecks.run(() -> {
					taken.countDown();
					try {
						return release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return false;
					}
				}));
			}
			assertThat(taken.await(10, TimeUnit.SECONDS)).isTrue();

			// a wrong password, as a right one checked a moment ago is remembered (CachingPasswordEncoder)
			var api = basic(ADMIN, "pas-le-bon-" + UUID.randomUUID(), this.client);
			String form = new Browser(this.client).login(this.account, this.password);

			assertThat(api.statusCode()).isEqualTo(429);
			assertThat(api.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(api.body()).contains("Trop de vérifications de mot de passe en même temps");
			assertThat(form).endsWith("/login?busy");
			var browser = new Browser(this.client);
			assertThat(Jsoup.parse(browser.get("/login?busy").body()).select("#login-busy").text())
				.isEqualTo("Trop de connexions en même temps. Réessayez dans un instant.");
		}
		finally {
			release.countDown();
			holders.shutdown();
			assertThat(holders.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(basic(ADMIN, PASSWORD, this.client).statusCode()).as("a busy moment is no failure")
			.isEqualTo(200);
	}

	private HttpResponse<String> basic(String user, String secret, String from) {
		return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(base() + "/api/v1/issues"))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8)))
			.header("X-Forwarded-For", from)
			.GET());
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A browser behind the loopback proxy, seen by the server as coming from its address. */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private final String address;

		private String csrf;

		Browser(String address) {
			this.address = address;
		}

		HttpResponse<String> get(String path) {
			return send(this.client, request(path).GET());
		}

		/** @return where the login sends the browser */
		String login(String user, String secret) {
			if (this.csrf == null) {
				var token = CSRF.matcher(get("/login").body());
				assertThat(token.find()).isTrue();
				this.csrf = token.group(1);
			}
			var response = send(this.client, request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
						+ "&password=" + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&_csrf=" + this.csrf)));
			assertThat(response.statusCode()).isEqualTo(302);
			return response.headers().firstValue("Location").orElseThrow();
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create(base() + path)).header("X-Forwarded-For", this.address);
		}

	}

}
