package io.infolettre.newsletter.system;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Admin pages need a login (form, session, CSRF tokens); the REST API takes HTTP Basic and keeps no
 * session, so a browser cannot be tricked into calling it; public recipient URLs are open but
 * carry signed tokens. The one-click unsubscribe POST (RFC 8058) comes from mail clients without a
 * CSRF token: its signed token is what authorises it.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] TRACKING = { "/o/**", "/c/**" };

	private static final String[] PUBLIC = { "/login", "/u/**", "/p/**", "/webjars/**", "/css/**", "/favicon.ico",
			"/error", "/actuator/health", "/inscription", "/inscription/**",
			// view in browser (signed token) and the public archive of sent issues (no personal data)
			"/v/**", "/archive", "/archive/**" };

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
	SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().hasRole("ADMIN"))
			.httpBasic(Customizer.withDefaults())
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC)
				.permitAll()
				.anyRequest()
				.hasRole("ADMIN"))
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/admin/issues", true).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.csrf(csrf -> csrf.ignoringRequestMatchers("/u/**"))
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder(Clock clock) {
		return new CachingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				Duration.ofMinutes(5), clock);
	}

}
