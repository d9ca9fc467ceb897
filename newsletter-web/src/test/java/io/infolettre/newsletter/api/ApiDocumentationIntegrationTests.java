package io.infolettre.newsletter.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API described by OpenAPI for administrators: the document at /v3/api-docs names every
 * path the API's controllers answer and nothing else, and neither it nor its page (Swagger UI) is
 * given to anyone who has not logged in to the admin.
 */
class ApiDocumentationIntegrationTests extends AbstractIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	@Test
	void describesEveryPathOfTheApiToAnAdministrator() {
		var response = AdminSession.login(this.port).get("/v3/api-docs");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = this.json.readTree(response.body());
		assertThat(document.get("openapi").asString()).startsWith("3.");
		assertThat(document.get("info").get("title").asString()).isEqualTo("Infolettre — API REST");
		assertThat(document.get("components").get("securitySchemes").get("basic").get("scheme").asString())
			.isEqualTo("basic");
		Set<String> documented = new TreeSet<>(document.get("paths").propertyNames());
		assertThat(documented).as("only the API").allMatch(path -> path.startsWith("/api/v1/"));
		assertThat(documented).as("every path the API's controllers answer").containsAll(apiPaths());
		Set<String> groups = new TreeSet<>();
		document.get("paths").forEach(path -> path.forEach(operation -> operation.get("tags").forEach(tag -> groups.add(tag.asString()))));
		assertThat(groups).as("every call in a group named as the admin names it, not after its controller")
			.contains("Numéros / Issues", "Abonnés / Subscribers")
			.noneMatch(group -> group.endsWith("-controller"));
	}

	@Test
	void givesNeitherTheDocumentNorItsPageToAnyoneElse() {
		for (String path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html",
				"/swagger-ui/index.html", "/swagger-ui/swagger-initializer.js", "/webjars/swagger-ui/index.html")) {
			var anonymous = http().get(path);
			assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
			assertThat(anonymous.headers().firstValue("Location")).as(path)
				.hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
			assertThat(anonymous.body()).as(path).doesNotContain("/api/v1/");
		}
	}

	@Test
	void theDocumentationPageRunsUnderTheAdminPolicy() {
		var page = AdminSession.login(this.port).get("/swagger-ui/index.html");

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Security-Policy"))
			.hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self';")
				.doesNotContain("unsafe-eval"));
	}

	/** What the controllers map under /api/v1, with a variable's pattern left out as OpenAPI writes it. */
	private List<String> apiPaths() {
		List<String> paths = new ArrayList<>();
		this.mappings.getHandlerMethods()
			.keySet()
			.forEach(info -> info.getPatternValues()
				.stream()
				.filter(pattern -> pattern.startsWith("/api/v1/"))
				.map(pattern -> pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}"))
				.forEach(paths::add));
		assertThat(paths).as("the API's mappings were found").hasSizeGreaterThan(40);
		return paths;
	}

}
