package io.infolettre.newsletter.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.infolettre.newsletter.people.ApiTokens;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.people.TeamSettings;
import io.infolettre.newsletter.people.TeamSettingsStore;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.TestPeople;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission matrix: every handler under /admin and /api, as Spring MVC maps them, declares who
 * may use it ({@link RequiresPermission} or {@link AnySignedInPerson}), so that a route added later
 * without one fails here; and each route, called as a person of each role (admin pages with a
 * session, the API with each person's token), answers 403 exactly when the role lacks the
 * permission. Path variables are ids that exist nowhere and bodies are minimal: what an allowed role
 * gets (400, 404, a page…) does not matter here, only that it is not a refusal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIntegrationTests extends AbstractIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(:[^}]*)?}");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestPeople testPeople;

	@Autowired
	People people;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TeamSettingsStore team;

	private final Map<Role, Caller> callers = new EnumMap<>(Role.class);

	private TeamSettings teamRules;

	@BeforeAll
	void signInEachRole() {
		// an administrator's call of the team's rules form with no box ticked turns them all off: put back after
		this.teamRules = this.team.current();
		for (Role role : Role.values()) {
			var credentials = this.testPeople.create(role);
			var person = this.people.find(credentials.personId()).orElseThrow();
			String token = this.tokens.issue(person, role, "matrice des permissions", role).secret();
			this.callers.put(role, new Caller(this.port, credentials, token));
		}
	}

	@AfterAll
	void restoreTheTeamsRules() {
		this.team.save(this.teamRules);
	}

	@Test
	void everyHandlerUnderAdminAndApiDeclaresWhoMayUseIt() {
		List<String> undeclared = routes().stream()
			.filter(route -> route.declaration() == Declaration.NONE)
			.map(Route::toString)
			.distinct()
			.toList();

		assertThat(routes()).as("the admin's and the API's handlers were found").hasSizeGreaterThan(150);
		assertThat(undeclared)
			.as("handlers without @RequiresPermission(…) or @AnySignedInPerson (on the handler, or on its controller)")
			.isEmpty();
	}

	@Test
	void aHandlerWithoutADeclarationIsFound() throws NoSuchMethodException {
		Method undeclared = Undeclared.class.getDeclaredMethod("page");
		Method declared = Declared.class.getDeclaredMethod("page");
		Method overridden = Declared.class.getDeclaredMethod("send");

		assertThat(Declaration.of(new HandlerMethod(new Undeclared(), undeclared))).isEqualTo(Declaration.NONE);
		assertThat(Declaration.of(new HandlerMethod(new Declared(), declared)).permission())
			.isEqualTo(Permission.REPORTS_READ);
		assertThat(Declaration.of(new HandlerMethod(new Declared(), overridden)).permission())
			.isEqualTo(Permission.ISSUES_SEND);
	}

	@Test
	void eachRoleIsRefusedExactlyWhereItLacksThePermission() throws Exception {
		boolean approvalRequired = this.team.current().approvalRequired();
		List<Route> declared = routes().stream().filter(route -> route.declaration() != Declaration.NONE).toList();
		// each role's calls in a thread of its own: the four sessions are independent
		ExecutorService roles = Executors.newFixedThreadPool(Role.values().length);
		try {
			List<Future<List<String>>> answers = new ArrayList<>();
			for (Role role : Role.values()) {
				answers.add(roles.submit(() -> wrongAnswers(role, role.permissions(approvalRequired), declared)));
			}
			List<String> wrong = new ArrayList<>();
			for (Future<List<String>> answer : answers) {
				wrong.addAll(answer.get(5, TimeUnit.MINUTES));
			}

			assertThat(declared.size() * Role.values().length).as("calls").isGreaterThan(600);
			assertThat(wrong).as("routes answering otherwise than their permission says").isEmpty();
		}
		finally {
			roles.shutdownNow();
		}
	}

	private List<String> wrongAnswers(Role role, Set<Permission> permissions, List<Route> routes) {
		List<String> wrong = new ArrayList<>();
		for (Route route : routes) {
			boolean allowed = route.declaration().allows(permissions);
			int status = this.callers.get(role).call(route).statusCode();
			if (allowed == (status == 403)) {
				wrong.add(role + " " + route + " → " + status + (allowed ? " (allowed)" : " (not allowed)"));
			}
		}
		return wrong;
	}

	@Test
	void theApiDocumentationIsForAnySignedInPerson() {
		var reader = this.callers.get(Role.READER);

		assertThat(reader.page("/v3/api-docs").statusCode()).isEqualTo(200);
		assertThat(reader.page("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

	/** Every (handler, path, method) under /admin and /api, sorted so that a failure reads the same each run. */
	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/admin") && !pattern.startsWith("/api/")) {
					continue;
				}
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					routes.add(new Route(method.name(), pattern, bodyType(info), Declaration.of(handler), handler));
				}
			}
		});
		routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method).thenComparing(Route::bodyType));
		return routes;
	}

	/** A type the handler consumes, so that the request reaches it rather than a 415. */
	private static String bodyType(RequestMappingInfo info) {
		return info.getConsumesCondition()
			.getConsumableMediaTypes()
			.stream()
			.filter(type -> !type.isWildcardType() && !type.isWildcardSubtype())
			.map(MediaType::toString)
			.sorted(Comparator.comparing((String type) -> !type.equals("message/rfc822")).thenComparing(type -> type))
			.findFirst()
			.orElse("");
	}

	/** Who a handler says may use it. */
	record Declaration(Permission permission, boolean anySignedIn) {

		static final Declaration NONE = new Declaration(null, false);

		static Declaration of(HandlerMethod handler) {
			Declaration onMethod = of(handler.getMethod());
			return onMethod != NONE ? onMethod : of(handler.getBeanType());
		}

		private static Declaration of(java.lang.reflect.AnnotatedElement element) {
			var required = AnnotatedElementUtils.findMergedAnnotation(element, RequiresPermission.class);
			if (required != null) {
				return new Declaration(required.value(), false);
			}
			return AnnotatedElementUtils.hasAnnotation(element, AnySignedInPerson.class) ? new Declaration(null, true)
					: NONE;
		}

		boolean allows(Set<Permission> permissions) {
			return this.anySignedIn || permissions.contains(this.permission);
		}

		@Override
		public String toString() {
			return this.anySignedIn ? "any signed-in person" : String.valueOf(this.permission);
		}

	}

	record Route(String method, String path, String bodyType, Declaration declaration, HandlerMethod handler) {

		/** The path with each variable an id that exists nowhere (a number where one is expected). */
		String concretePath() {
			return VARIABLE.matcher(this.path).replaceAll(variable -> variable.group(1).equals("index") ? "99999"
					: "000000000000000000000000");
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + (this.bodyType.isEmpty() ? "" : " [" + this.bodyType + "]") + " ("
					+ this.handler.getBeanType().getSimpleName() + "." + this.handler.getMethod().getName() + ", "
					+ this.declaration + ")";
		}

	}

	/**
	 * A person of one role: a logged-in browser session for the admin (its CSRF token sent as a
	 * header), their API token for the API. Made once for the whole class.
	 */
	static final class Caller {

		private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private final HttpClient script = HttpClient.newHttpClient();

		private final int port;

		private final String token;

		private final String csrf;

		Caller(int port, TestPeople.Credentials person, String token) {
			this.port = port;
			this.token = token;
			var login = send(this.browser, request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(person.login()) + "&password="
						+ encode(person.password()) + "&_csrf=" + csrf(page("/login").body()))));
			assertThat(login.headers().firstValue("Location")).as("logged in")
				.hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
			// the calendar is every role's (REPORTS_READ); its layout has the logout form and its token
			this.csrf = csrf(page("/admin/calendar").body());
		}

		HttpResponse<String> page(String path) {
			return send(this.browser, request(path).GET());
		}

		HttpResponse<String> call(Route route) {
			String path = route.concretePath();
			boolean api = path.startsWith("/api/");
			var request = request(path);
			if (api) {
				request.header("Authorization", "Bearer " + this.token).header("X-Requested-With", "matrix");
			}
			else if (!route.method().equals("GET")) {
				request.header("X-CSRF-TOKEN", this.csrf);
			}
			if (route.method().equals("GET")) {
				return send(api ? this.script : this.browser, request.GET());
			}
			String type = !route.bodyType().isEmpty() ? route.bodyType()
					: api ? "application/json" : "application/x-www-form-urlencoded";
			return send(api ? this.script : this.browser,
					request.header("Content-Type", contentType(type))
						.method(route.method(), HttpRequest.BodyPublishers.ofString(body(type), StandardCharsets.UTF_8)));
		}

		private static String contentType(String type) {
			return type.equals("multipart/form-data") ? type + "; boundary=matrix" : type;
		}

		private static String body(String type) {
			if (type.contains("json")) {
				return "{}";
			}
			if (type.equals("multipart/form-data")) {
				return "--matrix--\r\n";
			}
			if (type.startsWith("message/") || type.startsWith("multipart/")) {
				return "From: matrice@exemple.ca\r\nSubject: matrice\r\n\r\nmatrice\r\n";
			}
			return "";
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		}

		private static String csrf(String html) {
			var matcher = CSRF.matcher(html);
			assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
			return matcher.group(1);
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
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

	}

	static class Undeclared {

		@GetMapping("/admin/sans-permission")
		String page() {
			return "admin/calendar";
		}

	}

	@RequiresPermission(Permission.REPORTS_READ)
	static class Declared {

		@GetMapping("/admin/avec-permission")
		String page() {
			return "admin/calendar";
		}

		@GetMapping("/admin/avec-permission/envoi")
		@RequiresPermission(Permission.ISSUES_SEND)
		String send() {
			return "admin/calendar";
		}

	}

}
