package io.infolettre.newsletter.system;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.people.SecondFactor;
import io.infolettre.newsletter.people.SecondFactorManagement;
import io.infolettre.newsletter.people.SecondFactors;
import io.infolettre.newsletter.people.TeamSettings;
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

	// nobody of a slice has a second factor, and the team does not require one
	@Bean
	SecondFactorManagement noSecondFactors() {
		return new SecondFactorManagement(new NoSecondFactors(), Clock.systemUTC());
	}

	@Bean
	TeamSettingsStore teamSettingsOfSlices() {
		TeamSettings settings = new TeamSettings(false, false, true);
		return new TeamSettingsStore() {

			@Override
			public TeamSettings current() {
				return settings;
			}

			@Override
			public TeamSettings save(TeamSettings saved) {
				return Unreached.of(TeamSettingsStore.class).save(saved);
			}

		};
	}

	private static final class NoSecondFactors implements SecondFactors {

		@Override
		public Optional<SecondFactor> find(String personId) {
			return Optional.empty();
		}

		@Override
		public boolean begin(String personId, String secret) {
			return false;
		}

		@Override
		public boolean activate(String personId, long step, List<String> recoveryCodeHashes) {
			return false;
		}

		@Override
		public boolean acceptStep(String personId, long step) {
			return false;
		}

		@Override
		public boolean useRecoveryCode(String personId, String recoveryCodeHash) {
			return false;
		}

		@Override
		public boolean remove(String personId) {
			return false;
		}

	}

	@Bean
	UserDetailsService accountsInMemory(PasswordEncoder passwords) {
		return new InMemoryUserDetailsManager(
				User.withUsername(ADMIN).password(passwords.encode(PASSWORD)).roles("ADMIN").build(),
				User.withUsername(READER).password(passwords.encode(PASSWORD)).roles("READER").build());
	}

}
