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
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.people.TeamSettings;
import io.infolettre.newsletter.people.TeamSettingsStore;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import io.infolettre.newsletter.support.TestPeople;
import org.apache.commons.codec.binary.Base32;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person turns on their second factor as they would in a browser (over real HTTP: session cookies,
 * CSRF tokens, redirects), then logs in with it: after the password nothing opens but the code page;
 * a wrong code is refused, the right one opens the pages, the same code again is refused (replay),
 * and a recovery code works once. Codes are made from the key the page shows, with the same RFC 6238
 * library an authenticator app's algorithm follows. Each test comes from an address of its own
 * (X-Forwarded-For, trusted from the loopback proxy) so that its wrong codes lock nobody else.
 */
class SecondFactorIntegrationTests extends AbstractIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator(
			Duration.ofSeconds(30));

	@Autowired
	TestPeople people;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	TeamSettingsStore teamSettings;

	private final String client = "203.0.113." + (1 + (int) (Math.random() * 200));

	private TestPeople.Credentials person;

	@AfterEach
	void forget() {
		this.throttle.forgetClient(this.client);
		if (this.person != null) {
			this.throttle.forgetAccount("second-factor:" + this.person.personId());
		}
	}

	@Test
	void aWrongCodeIsRefusedTheRightOneOpensThePagesAndTheSameCodeAgainIsRefused() {
		this.person = this.people.create(Role.COORDINATOR);
		var enrolling = loggedIn();
		Document page = enrolling.submitForm("/admin/account/second-factor", "/admin/account/second-factor/start");
		String key = enrolling.page("/admin/account/second-factor").select("#second-factor-key").text().replace(" ", "");
		assertThat(enrolling.page("/admin/account/second-factor").select("#second-factor-qr svg path")).hasSize(1);
		long step = Instant.now().getEpochSecond() / 30;

		page = enrolling.submitForm("/admin/account/second-factor", "/admin/account/second-factor/confirm", "code",
				wrongCode(key, step));
		assertThat(page.select("#second-factor-refused").text()).isEqualTo("Ce code n’est pas valide ou a déjà servi.");
		page = enrolling.submitForm("/admin/account/second-factor", "/admin/account/second-factor/confirm", "code",
				code(key, step));
		List<String> recoveryCodes = page.select("#recovery-codes li").eachText();
		assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
		assertThat(enrolling.get("/admin/issues").statusCode()).as("the confirming code counts for this session")
			.isEqualTo(200);

		var browser = loggedIn();
		assertThat(browser.location("/admin/issues")).as("the password alone").endsWith("/login/code");
		assertThat(browser.location("/admin/account/second-factor")).endsWith("/login/code");
		assertThat(browser.postCode(wrongCode(key, step + 1)))
			.endsWith("/login/code?error");
		assertThat(Jsoup.parse(browser.get("/login/code?error").body()).select("#code-error").text())
			.isEqualTo("Ce code n’est pas valide ou a déjà servi.");
		assertThat(browser.location("/admin/issues")).endsWith("/login/code");

		assertThat(browser.postCode(code(key, step + 1))).as("back to the page first asked for")
			.matches(".*/admin/issues(\\?continue)?");
		assertThat(browser.get("/admin/issues").statusCode()).isEqualTo(200);

		var replaying = loggedIn();
		assertThat(replaying.postCode(code(key, step + 1))).as("a code already used").endsWith("/login/code?error");
		assertThat(replaying.location("/admin/issues")).endsWith("/login/code");
	}

	@Test
	void aRecoveryCodeOpensTheSessionOnceAndTheSecondFactorIsTurnedOffWithACode() {
		this.person = this.people.create(Role.APPROVER);
		var enrolling = loggedIn();
		enrolling.submitForm("/admin/account/second-factor", "/admin/account/second-factor/start");
		String key = enrolling.page("/admin/account/second-factor").select("#second-factor-key").text().replace(" ", "");
		long step = Instant.now().getEpochSecond() / 30;
		List<String> recoveryCodes = enrolling
			.submitForm("/admin/account/second-factor", "/admin/account/second-factor/confirm", "code", code(key, step))
			.select("#recovery-codes li")
			.eachText();

		var browser = loggedIn();
		assertThat(browser.postCode(recoveryCodes.get(3).toUpperCase())).matches(".*/admin/issues(\\?continue)?");
		assertThat(browser.get("/admin/issues").statusCode()).isEqualTo(200);
		assertThat(browser.page("/admin/account/second-factor").select("#second-factor-on").text())
			.contains("Codes de secours restants : 9.");
		assertThat(loggedIn().postCode(recoveryCodes.get(3))).as("used up").endsWith("/login/code?error");

		Document page = browser.submitForm("/admin/account/second-factor", "/admin/account/second-factor/disable",
				"code", code(key, step + 1));
		assertThat(page.select("#second-factor-disabled").text()).isEqualTo("Le second facteur est désactivé.");
		assertThat(loggedIn().get("/admin/issues").statusCode()).as("the password alone again").isEqualTo(200);
	}

	@Test
	void anAdministratorRemovesTheSecondFactorOfAColleagueWhoLostTheirPhone() {
		this.person = this.people.create(Role.COORDINATOR);
		var enrolling = loggedIn();
		enrolling.submitForm("/admin/account/second-factor", "/admin/account/second-factor/start");
		String key = enrolling.page("/admin/account/second-factor").select("#second-factor-key").text().replace(" ", "");
		enrolling.submitForm("/admin/account/second-factor", "/admin/account/second-factor/confirm", "code",
				code(key, Instant.now().getEpochSecond() / 30));
		assertThat(loggedIn().location("/admin/issues")).as("a code is asked").endsWith("/login/code");

		var administrator = AdminSession.login(this.port);
		assertThat(administrator.page("/admin/people")
			.select("form[action='/admin/people/" + this.person.personId() + "/second-factor/reset']")).hasSize(1);
		var answer = administrator.submit("/admin/people", "/admin/people/" + this.person.personId()
				+ "/second-factor/reset");
		assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/people"));
		assertThat(administrator.page("/admin/people").select("#notice").text()).startsWith("Le second facteur de ");

		assertThat(loggedIn().get("/admin/issues").statusCode()).as("the password alone again").isEqualTo(200);
		assertThat(administrator.page("/admin/people")
			.select("form[action='/admin/people/" + this.person.personId() + "/second-factor/reset']")).isEmpty();
	}

	@Test
	void whenTheTeamRequiresItAnAdministratorWithoutASecondFactorIsSentToEnrolFirst() {
		this.person = this.people.create(Role.ADMIN);
		var coordinator = this.people.create(Role.COORDINATOR);
		TeamSettings before = this.teamSettings.current();
		this.teamSettings.save(new TeamSettings(before.approvalRequired(), true, before.passwordApiAccess()));
		try {
			var admin = loggedIn();
			assertThat(admin.location("/admin/issues")).endsWith("/admin/account/second-factor?required");
			Document page = admin.page("/admin/account/second-factor?required");
			assertThat(page.select("#second-factor-required").text()).startsWith("L’équipe exige un second facteur");
			admin.submitForm("/admin/account/second-factor", "/admin/account/second-factor/start");
			String key = admin.page("/admin/account/second-factor").select("#second-factor-key").text().replace(" ", "");
			admin.submitForm("/admin/account/second-factor", "/admin/account/second-factor/confirm", "code",
					code(key, Instant.now().getEpochSecond() / 30));
			assertThat(admin.get("/admin/issues").statusCode()).isEqualTo(200);

			assertThat(new Browser(coordinator).login().get("/admin/issues").statusCode())
				.as("only administrators must").isEqualTo(200);
		}
		finally {
			this.teamSettings.save(before);
		}
	}

	private Browser loggedIn() {
		return new Browser(this.person).login();
	}

	private static String code(String key, long step) {
		try {
			return TOTP.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(key), TOTP.getAlgorithm()),
					Instant.ofEpochSecond(step * 30));
		}
		catch (java.security.InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Six digits that are none of the codes the server accepts around this step. */
	private static String wrongCode(String key, long step) {
		Set<String> valid = Set.of(code(key, step - 1), code(key, step), code(key, step + 1), code(key, step + 2));
		for (int i = 0;; i++) {
			String candidate = String.format("%06d", (i * 137_731) % 1_000_000);
			if (!valid.contains(candidate)) {
				return candidate;
			}
		}
	}

	/** A browser behind the loopback proxy, seen by the server as coming from this test's address. */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private final TestPeople.Credentials credentials;

		Browser(TestPeople.Credentials credentials) {
			this.credentials = credentials;
		}

		Browser login() {
			var answer = post("/login", get("/login").body(), "username", this.credentials.login(), "password",
					this.credentials.password());
			assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));
			return this;
		}

		/** @return where the code step leads */
		String postCode(String code) {
			var answer = post("/login/code", get("/login/code").body(), "code", code);
			assertThat(answer.statusCode()).isEqualTo(302);
			return answer.headers().firstValue("Location").orElseThrow();
		}

		/** @return where a page sends this browser */
		String location(String path) {
			var answer = get(path);
			assertThat(answer.statusCode()).as(path).isEqualTo(302);
			return answer.headers().firstValue("Location").orElseThrow();
		}

		Document page(String path) {
			var answer = get(path);
			assertThat(answer.statusCode()).as(path).isEqualTo(200);
			return Jsoup.parse(answer.body());
		}

		/** Submits a form with the CSRF token of the page that shows it, following a redirect once. */
		Document submitForm(String pagePath, String action, String... fields) {
			var answer = post(action, get(pagePath).body(), fields);
			if (answer.statusCode() == 302) {
				String location = answer.headers().firstValue("Location").orElseThrow();
				return page(URI.create(location).getPath()
						+ (URI.create(location).getQuery() == null ? "" : "?" + URI.create(location).getQuery()));
			}
			assertThat(answer.statusCode()).as(action).isEqualTo(200);
			return Jsoup.parse(answer.body());
		}

		HttpResponse<String> get(String path) {
			return send(request(path).GET());
		}

		private HttpResponse<String> post(String path, String pageWithToken, String... fields) {
			var token = CSRF.matcher(pageWithToken);
			assertThat(token.find()).as("CSRF token on the page").isTrue();
			var body = new StringBuilder("_csrf=").append(token.group(1));
			for (int i = 0; i < fields.length; i += 2) {
				body.append('&').append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8)).append('=')
					.append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
			}
			return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SecondFactorIntegrationTests.this.port + path))
				.header("X-Forwarded-For", SecondFactorIntegrationTests.this.client);
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

}
