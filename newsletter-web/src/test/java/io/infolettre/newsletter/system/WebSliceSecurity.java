package io.infolettre.newsletter.system;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.people.ApiTokens;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Role;
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
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The application's own security in a web slice test ({@code @WebMvcTest}, which leaves
 * configuration classes out): its filter chains (the login form and CSRF tokens for pages, HTTP
 * Basic and no session for the API), the permissions of the handlers (method security), the login
 * throttle and the bounded password checks. Only the accounts differ: held in memory rather than in
 * MongoDB, the first administrator of the integration tests and a signed-in reader (« Lecture »);
 * API tokens are never sent in a slice.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, MethodSecurityConfiguration.class, LoginThrottle.class,
		PasswordCheckLimit.class, CurrentActor.class })
@EnableConfigurationProperties({ LoginSettings.class, AdminSettings.class })
public class WebSliceSecurity {

	public static final String ADMIN = "admin";

	public static final String PASSWORD = "test-password";

	/** Signed in as a reader (« Lecture »): reports and the calendar only. */
	public static final String READER = "lecteur";

	private static final TeamSettings TEAM = new TeamSettings(false, false, true);

	// nobody of a slice has a second factor, and the team does not require one
	@Bean
	SecondFactorManagement noSecondFactors() {
		return new SecondFactorManagement(new NoSecondFactors(), Clock.systemUTC());
	}

	@Bean
	UserDetailsService accountsInMemory(PasswordEncoder passwords) {
		return new InMemoryUserDetailsManager(
				User.withUsername(ADMIN).password(passwords.encode(PASSWORD)).authorities(authorities(Role.ADMIN)).build(),
				User.withUsername(READER).password(passwords.encode(PASSWORD)).authorities(authorities(Role.READER)).build());
	}

	/** What a person of this role holds: its permissions and {@code ROLE_…}, as TeamMember gives them. */
	public static List<GrantedAuthority> authorities(Role role) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		role.permissions(TEAM.approvalRequired())
			.forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission.authority())));
		authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
		return authorities;
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
	TeamSettingsStore teamSettings() {
		return new TeamSettingsStore() {

			@Override
			public TeamSettings current() {
				return TEAM;
			}

			@Override
			public TeamSettings save(TeamSettings settings) {
				throw new UnsupportedOperationException("a slice test does not change the team's settings");
			}

		};
	}

	@Bean
	ApiTokenMembers apiTokenMembers() {
		return new ApiTokenMembers(Unreached.of(ApiTokens.class), Unreached.of(People.class), teamSettings());
	}

}
