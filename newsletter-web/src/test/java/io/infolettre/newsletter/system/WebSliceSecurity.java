package io.infolettre.newsletter.system;

import java.time.Clock;

import io.infolettre.newsletter.people.SecondFactorManagement;
import io.infolettre.newsletter.people.SecondFactors;
import io.infolettre.newsletter.people.TeamSettingsStore;
import io.infolettre.newsletter.support.Unreached;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The application's own security in a web slice test ({@code @WebMvcTest}, which leaves
 * configuration classes out): its filter chains (the login form and CSRF tokens for pages, HTTP
 * Basic and no session for the API, the ADMIN role everywhere but the public pages), the login
 * throttle and the bounded password checks. Only the accounts differ: held in memory rather than in
 * MongoDB, the coordinator of the integration tests and a signed-in user who is not one.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, LoginThrottle.class, PasswordCheckLimit.class })
@EnableConfigurationProperties(LoginSettings.class)
public class WebSliceSecurity {

	public static final String ADMIN = "admin";

	public static final String PASSWORD = "test-password";

	/** Signed in, without the ADMIN role. */
	public static final String READER = "lecteur";

	// the accounts below are no TeamMembers: the second factor's requirement never asks about them
	@Bean
	SecondFactorManagement secondFactorsUnreached() {
		return new SecondFactorManagement(Unreached.of(SecondFactors.class), Clock.systemUTC());
	}

	@Bean
	TeamSettingsStore teamSettingsUnreached() {
		return Unreached.of(TeamSettingsStore.class);
	}

	@Bean
	UserDetailsService accountsInMemory(PasswordEncoder passwords) {
		return new InMemoryUserDetailsManager(
				User.withUsername(ADMIN).password(passwords.encode(PASSWORD)).roles("ADMIN").build(),
				User.withUsername(READER).password(passwords.encode(PASSWORD)).roles("READER").build());
	}

}
