package io.infolettre.newsletter.system;

import java.time.Clock;
import java.time.Duration;

import io.infolettre.newsletter.people.SecondFactorManagement;
import io.infolettre.newsletter.people.TeamSettingsStore;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * Admin pages need a login (form, session, CSRF tokens); the REST API takes a person's API token
 * (Bearer), or HTTP Basic for the first administrator only while the team allows it
 * (PasswordApiAccess), keeps no session and refuses what another site's page could make a browser
 * send (ApiForgeryFilter); what each signed-in person may do is each handler's permission
 * (RequiresPermission, method security), refused with a page or a problem detail (403); public
 * recipient URLs are open but carry signed tokens. The one-click unsubscribe POST (RFC 8058) comes
 * from mail clients without a CSRF token: its signed token is what authorises it. Both logins go
 * through the LoginThrottle, and password hashes through the PasswordCheckLimit. A person with a
 * second factor types its code after the password (/login/code) before any page opens
 * (SecondFactorRequirement); single sign-on through an OpenID Connect provider is there when one is
 * configured (SsoLogins).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] TRACKING = { "/o/**", "/c/**" };

	private static final String[] PUBLIC = { "/login", "/u/**", "/p/**", "/webjars/**", "/css/**", "/favicon.ico",
			"/error", "/actuator/health", "/inscription", "/inscription/**",
			// view in browser (signed token) and the public archive of sent issues (no personal data)
			"/v/**", "/archive", "/archive/**",
			// a person of the team choosing their password: an invitation, a reset (signed, single-use links)
			"/invitation/**", "/mot-de-passe-oublie", "/mot-de-passe/**" };

	// The click redirect answers every click of every message, to anyone (the signed token is the
	// authorisation): no session, no CSRF, no saved request, no authorisation filter, no logout;
	// nothing but the security headers on the way. The pixel's GET and HEAD are answered before any
	// filter (recipient.OpenPixelValve); anything else under /o/ comes here and finds nothing.
	@Bean
	@Order(0)
	SecurityFilterChain trackingSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher(TRACKING)
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.sessionManagement(session -> session.disable())
			.anonymous(anonymous -> anonymous.disable())
			.logout(logout -> logout.disable())
			.servletApi(servletApi -> servletApi.disable())
			.exceptionHandling(exceptions -> exceptions.disable())
			.headers(SecurityHeaders.noContent())
			.build();
	}

	// The media library's public files (recipient.MediaController): images that every mail client of
	// every message loads, by anyone, their unguessable key the only authorisation. As for the clicks:
	// no session, no CSRF, no saved request; the controller writes its own caching and content headers,
	// which the security headers leave as they are.
	@Bean
	@Order(0)
	SecurityFilterChain publicMediaSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/media/**")
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.disable())
			.sessionManagement(session -> session.disable())
			.anonymous(anonymous -> anonymous.disable())
			.logout(logout -> logout.disable())
			.servletApi(servletApi -> servletApi.disable())
			.exceptionHandling(exceptions -> exceptions.disable())
			.headers(SecurityHeaders.noContent())
			.build();
	}

	// Each request is already timed once (http.server.requests); a span around every filter of the
	// security chain besides cost the pixel a quarter of its time.
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
	}

	// The pixel and the click are counted by the tracking itself; timing each of them as well (a timer
	// looked up by its tags on every request) costs more than answering them.
	@Bean
	ObservationPredicate noTrackingRequestObservations() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& isTracking(request.getCarrier().getRequestURI()));
	}

	private static boolean isTracking(String path) {
		return path != null && (path.startsWith("/o/") || path.startsWith("/c/"));
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticationManager passwordLogins, AdminSettings admin,
			TeamSettingsStore team, ApiTokenMembers tokens) throws Exception {
		var entryPoint = new ApiAuthenticationEntryPoint(() -> team.current().passwordApiAccess());
		return http.securityMatcher("/api/**")
			.authenticationManager(new PasswordApiAccess(passwordLogins, admin.username(), team))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, entryPoint), BasicAuthenticationFilter.class)
			// after authorisation: without credentials, 401; with them, a forgeable request is refused
			.addFilterAfter(new ApiForgeryFilter(), AuthorizationFilter.class)
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(new ApiAccessDenied()))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.headers(SecurityHeaders.noContent())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http, AuthenticationManager passwordLogins,
			SecondFactorManagement secondFactors, TeamSettingsStore teamSettings, LoginThrottle throttle,
			ObjectProvider<ClientRegistrationRepository> sso, ObjectProvider<SsoLogins> ssoLogins) throws Exception {
		// every rule that needs a login also needs the second factor of a person who has one
		var withSecondFactor = new DefaultAuthorizationManagerFactory<RequestAuthorizationContext>();
		withSecondFactor.setAdditionalAuthorization(new SecondFactorRequirement(secondFactors, teamSettings));
		http.authenticationManager(passwordLogins)
			// Swagger UI's own copy of its page under /webjars stays with its page (/swagger-ui.html): for any
			// signed-in person, like the OpenAPI document; each call of the API checks its own permission
			.authorizeHttpRequests(requests -> requests.requestMatchers("/webjars/swagger-ui/**")
				.access(withSecondFactor.authenticated())
				.requestMatchers(PUBLIC)
				.permitAll()
				// the password was right: the code is asked here, and nowhere else opens before it
				.requestMatchers(SecondFactorEntryPoint.CODE_PAGE)
				.authenticated()
				// each page, form and endpoint requires its permission (RequiresPermission, method security)
				.anyRequest()
				.access(withSecondFactor.authenticated()))
			.addFilterAfter(new SecondFactorLoginFilter(secondFactors, throttle),
					UsernamePasswordAuthenticationFilter.class)
			.exceptionHandling(exceptions -> exceptions.defaultDeniedHandlerForMissingAuthority(
					new SecondFactorEntryPoint(secondFactors), SecondFactorRequirement.FACTOR))
			.formLogin(form -> form.loginPage("/login")
				.defaultSuccessUrl("/admin", true)
				.failureHandler(loginFailures())
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/u/**"))
			.headers(SecurityHeaders.pages());
		if (sso.getIfAvailable() != null) {
			// the chain's authentication manager checks passwords: the provider's logins get their own
			var ssoManager = new ProviderManager(new OidcAuthorizationCodeAuthenticationProvider(
					new RestClientAuthorizationCodeTokenResponseClient(), ssoLogins.getObject()));
			http.oauth2Login(oidc -> oidc.loginPage("/login")
				.defaultSuccessUrl("/admin", true)
				.failureHandler(SsoLogins::onFailure)
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {

					@Override
					public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
						filter.setAuthenticationManager(ssoManager);
						filter.setAuthenticationResultConverter(SsoLogins::asTeamMember);
						return filter;
					}

				}));
		}
		return http.build();
	}

	/**
	 * Back to the login page, saying whether the password was wrong, the login locked or the service
	 * busy; the refusal stays in the session for the page to say how long to wait.
	 */
	private static AuthenticationFailureHandler loginFailures() {
		return (request, response, failure) -> {
			request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
			String reason = failure instanceof LoginThrottledException ? "locked"
					: failure instanceof PasswordChecksBusyException ? "busy" : "error";
			response.sendRedirect(request.getContextPath() + "/login?" + reason);
		};
	}

	/**
	 * The login form's and the API's: accounts and their passwords, through the throttle. The accounts
	 * are the TeamAccounts; named by their interface so that a web slice test can hold them in memory.
	 */
	@Bean
	AuthenticationManager passwordLogins(UserDetailsService accounts, PasswordEncoder passwords,
			LoginThrottle throttle) {
		var checked = new DaoAuthenticationProvider(accounts);
		checked.setPasswordEncoder(passwords);
		return new ProviderManager(new ThrottledAuthenticationProvider(checked, throttle));
	}

	@Bean
	PasswordEncoder passwordEncoder(PasswordCheckLimit limit, Clock clock) {
		return new CachingPasswordEncoder(limit.bound(PasswordEncoderFactories.createDelegatingPasswordEncoder()),
				Duration.ofMinutes(5), clock);
	}

}
