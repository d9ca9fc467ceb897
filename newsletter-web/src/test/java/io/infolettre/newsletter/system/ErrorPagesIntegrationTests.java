package io.infolettre.newsletter.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link that does not work, a page that does not exist: a page in French (English for an English
 * browser or after ?lang=en), with the right status, whatever the client accepts; never JSON, never
 * a stack trace. The API keeps answering JSON.
 */
class ErrorPagesIntegrationTests extends AbstractIntegrationTests {

	private static final String[] LINKS = { "/u/" + "A".repeat(43), "/p/faux", "/v/faux", "/c/faux",
			"/inscription/confirmer/faux" };

	@Test
	void aBrokenLinkAnswersAFrenchPageWhateverTheClientAccepts() {
		for (String link : LINKS) {
			for (String accept : new String[] { "*/*", "text/html", "text/html,application/xhtml+xml,*/*;q=0.8" }) {
				var response = get(link, accept, null);
				assertThat(response.statusCode()).as(link + " " + accept).isEqualTo(404);
				assertThat(response.headers().firstValue("Content-Type")).as(link)
					.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
				var page = Jsoup.parse(response.body());
				assertThat(page.select("html").attr("lang")).isEqualTo("fr");
				assertThat(page.select("#error-title").text()).as(link).isEqualTo("Lien invalide ou expiré");
				assertThat(response.body()).doesNotContain("Exception").doesNotContain("\"status\"");
			}
		}
	}

	@Test
	void aClientAskingForJsonGetsThePageToo() {
		var response = get("/u/faux", "application/json", null);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(response.body()).select("#error-title").text()).isEqualTo("Lien invalide ou expiré");
	}

	@Test
	void anEnglishBrowserOrChoiceGetsItInEnglish() {
		var english = Jsoup.parse(get("/u/faux", "*/*", "en-CA,en;q=0.9").body());
		var chosen = Jsoup.parse(get("/p/faux?lang=en", "*/*", null).body());
		var french = Jsoup.parse(get("/v/faux", "*/*", "fr-CA,en;q=0.5").body());
		var other = Jsoup.parse(get("/v/faux", "*/*", "de-DE").body());

		assertThat(english.select("#error-title").text()).isEqualTo("Invalid or expired link");
		assertThat(chosen.select("#error-title").text()).isEqualTo("Invalid or expired link");
		assertThat(french.select("#error-title").text()).isEqualTo("Lien invalide ou expiré");
		assertThat(other.select("#error-title").text()).isEqualTo("Lien invalide ou expiré");
	}

	@Test
	void anUnknownPublicPageIsAFrenchNotFoundPage() {
		var response = get("/inscription/nulle-part", "*/*", null);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(response.body()).select("#error-title").text()).isEqualTo("Page introuvable");
	}

	@Test
	void theApiKeepsAnsweringJson() {
		var unknown = http().api("GET", "/api/v1/nulle-part");
		var badJson = http().api("POST", "/api/v1/issues", "{pas du json");

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(unknown.body()).contains("\"status\":404");
		assertThat(badJson.statusCode()).isEqualTo(400);
		assertThat(badJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	private HttpResponse<String> get(String path, String accept, String language) {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).header("Accept", accept);
		if (language != null) {
			request.header("Accept-Language", language);
		}
		return http().send(request.GET());
	}

}
