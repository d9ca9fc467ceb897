package io.infolettre.newsletter.system;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Pattern;

import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin forms carry CSRF tokens; a forged cross-site POST changes nothing even with a session. */
class SecurityIntegrationTests extends AbstractIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	IssueManagement issues;

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void loginAndAdminPostsNeedTheCsrfToken() throws Exception {
		assertThat(post("/login", "username=admin&password=" + PASSWORD).statusCode())
			.as("login without token").isEqualTo(403);
		String token = csrf(get("/login").body());
		var login = post("/login", "username=admin&password=" + PASSWORD + "&_csrf=" + token);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/admin"));

		var issue = this.issues.createDraft("CSRF " + UUID.randomUUID(), IssueFixtures.infolettre(), Audience.allActive());
		var page = get("/admin/issues/" + issue.getId());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("name=\"_csrf\"");

		assertThat(post("/admin/issues/" + issue.getId() + "/send", "").statusCode()).isEqualTo(403);
		assertThat(this.issues.get(issue.getId()).getStatus()).isEqualTo(IssueStatus.DRAFT);
	}

	@Test
	void wrongPasswordDoesNotLogIn() throws Exception {
		String token = csrf(get("/login").body());
		var login = post("/login", "username=admin&password=faux&_csrf=" + token);
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?error"));
		assertThat(get("/admin/issues").statusCode()).isEqualTo(302);
	}

	private String csrf(String html) {
		var matcher = CSRF.matcher(html);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return this.browser.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
