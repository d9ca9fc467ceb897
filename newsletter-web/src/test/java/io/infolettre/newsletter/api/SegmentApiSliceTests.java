package io.infolettre.newsletter.api;

import java.util.List;

import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.segment.SegmentRule.Condition;
import io.infolettre.newsletter.segment.SegmentRule.Group;
import io.infolettre.newsletter.segment.SegmentRule.Junction;
import io.infolettre.newsletter.segment.SegmentRule.Operator;
import io.infolettre.newsletter.segment.SegmentRule.Subject;
import io.infolettre.newsletter.support.InMemorySegments;
import io.infolettre.newsletter.support.WebSliceTest;
import io.infolettre.newsletter.system.WebSliceSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * How the segments API reads a request, on the application's web layer and security without a
 * server: a body that is not JSON, a missing name or an unknown operator is refused with a problem
 * detail in French before the segments are touched; the API wants its role, and a JSON body that no
 * other site's form can send. The segments behind are a map (InMemorySegments): what is tested here
 * is the way from the HTTP request to the rule tree, not the segments.
 */
@WebSliceTest(SegmentApiController.class)
class SegmentApiSliceTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	InMemorySegments segments;

	@BeforeEach
	void noSegments() {
		this.segments.clear();
	}

	@Test
	void aRuleTreeInJsonReachesTheSegmentsAsRules() {
		var created = create("""
				{"name":"Conseil","rules":{"type":"group","junction":"OR","rules":[
				  {"type":"rule","subject":"TAG","operator":"IN","values":["vip"]},
				  {"type":"rule","subject":"ATTRIBUTE","attribute":"secteur","operator":"EQUALS","values":["Génie"]}]}}""");

		assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/v1/segments/segment-1");
		assertThat(created).bodyJson().extractingPath("$.name").isEqualTo("Conseil");
		assertThat(this.segments.find("segment-1")).get()
			.satisfies(segment -> assertThat(segment.rules()).isEqualTo(new Group(Junction.OR, false,
					List.of(new Condition(Subject.TAG, Operator.IN, null, List.of("vip")),
							Condition.attribute("secteur", Operator.EQUALS, "Génie")))));
	}

	@Test
	void aBodyThatIsNotJsonIsAProblemInFrench() {
		var refused = create("{pas du json");

		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.title").isEqualTo("Requête illisible");
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().contains("JSON");
		assertThat(this.segments.all()).isEmpty();
	}

	@Test
	void aMissingNameIsAProblemThatNamesTheField() {
		var refused = create("""
				{"description":"sans nom","rules":null}""");

		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.title").isEqualTo("Requête invalide");
		assertThat(refused).bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Champs manquants ou invalides : « name » ne doit pas être vide");
		assertThat(this.segments.all()).isEmpty();
	}

	@Test
	void anUnknownOperatorIsAProblemInFrench() {
		var refused = create("""
				{"name":"Environ","rules":{"type":"rule","subject":"TAG","operator":"ENVIRON","values":["vip"]}}""");

		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.title").isEqualTo("Requête illisible");
		assertThat(this.segments.all()).isEmpty();
	}

	@Test
	void theApiWantsThePermissionAndABodyNoFormCanSend() {
		String json = """
				{"name":"Conseil"}""";

		assertThat(this.mvc.post().uri("/api/v1/segments").contentType(MediaType.APPLICATION_JSON).content(json))
			.as("no credentials")
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(this.mvc.post()
			.uri("/api/v1/segments")
			.with(httpBasic(WebSliceSecurity.READER, WebSliceSecurity.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).as("a password opens the API to the first administrator only")
			.hasStatus(HttpStatus.UNAUTHORIZED);
		var reader = this.mvc.post()
			.uri("/api/v1/segments")
			.with(user(WebSliceSecurity.READER).authorities(WebSliceSecurity.authorities(Role.READER)))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
		assertThat(reader).as("signed in, without the permission").hasStatus(HttpStatus.FORBIDDEN);
		assertThat(reader).bodyJson().extractingPath("$.title").isEqualTo("Permission manquante");
		var form = this.mvc.post()
			.uri("/api/v1/segments")
			.with(httpBasic(WebSliceSecurity.ADMIN, WebSliceSecurity.PASSWORD))
			.contentType(MediaType.TEXT_PLAIN)
			.content(json);
		assertThat(form).as("what another site's form could send").hasStatus(HttpStatus.FORBIDDEN);
		assertThat(form).bodyJson().extractingPath("$.title").isEqualTo("Requête refusée");
		assertThat(this.segments.all()).isEmpty();
	}

	private MvcTestResult create(String json) {
		return this.mvc.post()
			.uri("/api/v1/segments")
			.with(httpBasic(WebSliceSecurity.ADMIN, WebSliceSecurity.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

}
