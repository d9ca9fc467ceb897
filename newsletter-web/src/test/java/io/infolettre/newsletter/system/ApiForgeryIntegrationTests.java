package io.infolettre.newsletter.system;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What another site's page can make a browser send to the API, with the HTTP Basic credentials the
 * browser remembers, is refused: a form's POST (urlencoded, multipart, text/plain, or no body) and
 * anything the browser marks as cross-site. Scripts that send JSON, another body type or the header
 * X-Requested-With pass. Browsers are never challenged, so they never remember credentials.
 */
class ApiForgeryIntegrationTests extends AbstractIntegrationTests {

	private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

	@Autowired
	IssueManagement issues;

	@Autowired
	Subscribers subscribers;

	@Test
	void aCrossSiteFormCannotDuplicateAnIssueNorImportASubscriber() {
		var issue = this.issues.createDraft("Forgery " + UUID.randomUUID(), IssueFixtures.infolettre(),
				Audience.allActive());
		int before = this.issues.withStatus(IssueStatus.DRAFT).size();

		// <form method=post action=https://infolettre/api/v1/issues/{id}/duplicate> on another site
		var duplicate = http().send(basic("/api/v1/issues/" + issue.getId() + "/duplicate")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("User-Agent", BROWSER)
			.POST(HttpRequest.BodyPublishers.ofString("")));
		// the same form without the browser's Sec-Fetch-Site (an older browser): its body type gives it away
		String address = "forge-" + UUID.randomUUID() + "@exemple.ca";
		String boundary = "----forged";
		String csv = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\nemail\r\n" + address + "\r\n--" + boundary + "--\r\n";
		var importing = http().send(basic("/api/v1/imports")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofString(csv)));
		var plainText = http().send(basic("/api/v1/issues/" + issue.getId() + "/duplicate")
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("x")));
		var noBody = http().send(basic("/api/v1/issues/" + issue.getId() + "/duplicate")
			.POST(HttpRequest.BodyPublishers.noBody()));
		var crossSiteJson = http().send(basic("/api/v1/issues/" + issue.getId() + "/duplicate")
			.header("Content-Type", "application/json")
			.header("Sec-Fetch-Site", "cross-site")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));

		for (var refused : new HttpResponse<?>[] { duplicate, importing, plainText, noBody, crossSiteJson }) {
			assertThat(refused.statusCode()).as(refused.request().toString()).isEqualTo(403);
			assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
		}
		assertThat((String) duplicate.body()).contains("X-Requested-With");
		assertThat(this.issues.withStatus(IssueStatus.DRAFT)).hasSize(before);
		assertThat(this.subscribers.findByEmail(EmailAddress.of(address))).isEmpty();
	}

	@Test
	void scriptsSendJsonOrTheirOwnHeader() {
		var issue = this.issues.createDraft("Script " + UUID.randomUUID(), IssueFixtures.infolettre(),
				Audience.allActive());

		var withHeader = http().send(basic("/api/v1/issues/" + issue.getId() + "/duplicate")
			.header("X-Requested-With", "curl")
			.POST(HttpRequest.BodyPublishers.noBody()));
		var sameOrigin = http().send(basic("/api/v1/issues/" + issue.getId() + "/duplicate")
			.header("X-Requested-With", "XMLHttpRequest")
			.header("Sec-Fetch-Site", "same-origin")
			.POST(HttpRequest.BodyPublishers.noBody()));
		var json = http().api("POST", "/api/v1/issues",
				"{\"title\":\"JSON " + UUID.randomUUID() + "\",\"template\":\"infolettre\"}");
		var read = http().send(basic("/api/v1/issues").GET());

		assertThat(withHeader.statusCode()).as(withHeader.body()).isBetween(200, 201);
		assertThat(sameOrigin.statusCode()).as(sameOrigin.body()).isBetween(200, 201);
		assertThat(json.statusCode()).as(json.body()).isEqualTo(201);
		assertThat(read.statusCode()).isEqualTo(200);
	}

	@Test
	void browsersAreNeverChallengedScriptsAre() {
		var browser = http().send(request("/api/v1/issues").header("User-Agent", BROWSER)
			.header("Accept", "text/html,application/xhtml+xml")
			.header("Sec-Fetch-Mode", "navigate")
			.GET());
		var image = http().send(request("/api/v1/issues").header("User-Agent", BROWSER).header("Accept", "image/*").GET());
		var script = http().send(request("/api/v1/issues").header("User-Agent", "curl/8.5.0").GET());

		assertThat(browser.statusCode()).isEqualTo(401);
		assertThat(browser.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(browser.body()).contains("\"status\":401");
		assertThat(image.statusCode()).isEqualTo(401);
		assertThat(image.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertThat(script.statusCode()).isEqualTo(401);
		assertThat(script.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				challenge -> assertThat(challenge).startsWith("Basic "));
	}

	@Test
	void anAdminSessionDoesNotOpenTheApi() {
		var session = AdminSession.login(this.port);

		assertThat(session.get("/api/v1/issues").statusCode()).isEqualTo(401);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(http().local(path));
	}

	/** What a browser that once answered the challenge adds by itself. */
	private HttpRequest.Builder basic(String path) {
		return request(path).header("Authorization", "Basic " + Base64.getEncoder()
			.encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
	}


}
