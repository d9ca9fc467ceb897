package io.infolettre.newsletter.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The headers of real responses: what each kind of page lets a browser do, and what https adds. */
class SecurityHeadersIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	IssueManagement issues;

	@Test
	void adminPagesRunScriptsFromThisOriginOnly() {
		var issue = this.issues.createDraft("En-têtes " + UUID.randomUUID(), IssueFixtures.infolettre(),
				Audience.allActive());
		var admin = AdminSession.login(this.port);

		var page = admin.get("/admin/issues/" + issue.getId());
		var preview = admin.get("/admin/issues/" + issue.getId() + "/preview.html");

		assertThat(policy(page)).contains("script-src 'self';", "frame-ancestors 'self'", "object-src 'none'",
				"base-uri 'self'", "form-action 'self'").doesNotContain("unsafe-eval");
		assertThat(directive(policy(page), "script-src")).isEqualTo("script-src 'self'");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.body()).as("no inline script left on the page").doesNotContain("<script>")
			.doesNotContain("onclick=").doesNotContain("onsubmit=").doesNotContain("onchange=");
		assertThat(policy(preview)).isEqualTo(RenderedMessage.WEB_POLICY);
	}

	@Test
	void publicPagesRunNoScriptAndSendNoReferrer() {
		for (String path : new String[] { "/inscription", "/login", "/u/" + "x".repeat(40), "/p/nimporte",
				"/inscription/confirmer/faux" }) {
			var response = get(path, null);
			assertThat(policy(response)).as(path)
				.startsWith("default-src 'none';")
				.doesNotContain("script-src")
				.contains("object-src 'none'", "base-uri 'none'", "form-action 'self'");
			assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
		}
		var click = get("/c/" + "x".repeat(40), null);
		assertThat(click.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
	}

	@Test
	void theSessionCookieStaysOnThisSiteAndIsSecureOverHttps() {
		var plain = get("/login", null);
		var https = get("/login", "https");

		assertThat(cookie(plain)).contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure");
		assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(cookie(https)).contains("SameSite=Lax", "HttpOnly", "Secure");
		assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
				hsts -> assertThat(hsts).startsWith("max-age=31536000"));
		var api = get("/api/v1/issues", "https");
		assertThat(api.headers().firstValue("Strict-Transport-Security")).isPresent();
	}

	private HttpResponse<String> get(String path, String forwardedProto) {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET();
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		return http().send(request);
	}


	private static String policy(HttpResponse<String> response) {
		return response.headers().firstValue("Content-Security-Policy").orElse("");
	}

	private static String directive(String policy, String name) {
		for (String directive : policy.split(";")) {
			if (directive.strip().startsWith(name + " ")) {
				return directive.strip();
			}
		}
		return "";
	}

	private static String cookie(HttpResponse<String> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("JSESSIONID="))
			.findFirst()
			.orElse("");
	}

}
