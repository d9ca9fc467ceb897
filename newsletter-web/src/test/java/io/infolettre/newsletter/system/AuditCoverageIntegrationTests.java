package io.infolettre.newsletter.system;

import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route that can change something under /admin and /api (POST, PUT, PATCH, DELETE, or a
 * mapping for any method) is recorded in the audit log: its handler carries {@link Audited}, or it
 * is on the short list below of those that change nothing, each with its reason. A handler added
 * later without either fails here, naming itself.
 */
class AuditCoverageIntegrationTests extends AbstractIntegrationTests {

	/** Routes that change nothing, and why. Keep it short: a route that changes anything is recorded. */
	static final Map<String, String> CHANGE_NOTHING = Map.of(
			"POST /admin/issues/{id}/edit/preview", "renders what the editor holds, unsaved; saves nothing",
			"POST /admin/segments/editor", "redraws the rule editor after a button (add, remove, AND / OR); saves nothing",
			"POST /admin/segments/preview", "counts and samples the rules being edited; saves nothing",
			"POST /admin/imports/upload/{uploadId}/preview",
			"reads the uploaded file again with other options to show its first rows; changes nothing",
			"POST /api/v1/segments/count", "counts the members rules would select; saves nothing");

	private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.POST, RequestMethod.PUT,
			RequestMethod.PATCH, RequestMethod.DELETE);

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlers;

	@Test
	void everyRouteThatChangesSomethingIsRecordedOrSaysWhyNot() {
		var unrecorded = new TreeSet<String>();
		var seen = new TreeSet<String>();
		this.handlers.getHandlerMethods().forEach((mapping, handler) -> {
			boolean audited = AnnotatedElementUtils.hasAnnotation(handler.getMethod(), Audited.class);
			for (String route : changingRoutes(mapping)) {
				seen.add(route);
				if (!audited && !CHANGE_NOTHING.containsKey(route)) {
					unrecorded.add(route + "  →  " + describe(handler));
				}
			}
		});

		assertThat(unrecorded).as("""
				Routes that can change something but are not recorded in the audit log. Put
				@Audited(kind = AuditKind.…, action = "…") on the line directly above the handler's mapping
				annotation (and the action's text as audit.action.<code> in messages.properties and
				messages_en.properties), or, if the route changes nothing, add it to CHANGE_NOTHING with the reason""")
			.isEmpty();
		assertThat(seen).as("routes of CHANGE_NOTHING that no longer exist: remove them")
			.containsAll(CHANGE_NOTHING.keySet());
		assertThat(seen).as("the routes found (the walk itself works)")
			.contains("PUT /api/v1/issues/{id}", "POST /admin/subscribers/{id}/delete");
	}

	@Test
	void theAuditLogIsReadOnlyThroughTheApplication() {
		var writes = new ArrayList<String>();
		this.handlers.getHandlerMethods().forEach((mapping, handler) -> {
			for (String route : changingRoutes(mapping)) {
				if (route.contains("/admin/audit") || route.contains("/api/v1/audit")) {
					writes.add(route);
				}
			}
		});
		assertThat(writes).as("routes that could edit or delete audit entries").isEmpty();
	}

	// "POST /admin/…" for each path and each changing method; a mapping without methods takes them all
	private static Set<String> changingRoutes(RequestMappingInfo mapping) {
		Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
		var routes = new TreeSet<String>();
		for (String path : mapping.getPatternValues()) {
			if (!path.startsWith("/admin") && !path.startsWith("/api")) {
				continue;
			}
			for (RequestMethod method : CHANGING) {
				if (methods.isEmpty() || methods.contains(method)) {
					routes.add(method + " " + path);
				}
			}
		}
		return routes;
	}

	private static String describe(HandlerMethod handler) {
		return handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
	}

}
