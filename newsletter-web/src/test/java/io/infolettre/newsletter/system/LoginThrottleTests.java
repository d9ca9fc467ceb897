package io.infolettre.newsletter.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Password logins through the throttle, with Spring Security's own password provider and a clock
 * moved by hand; the password checks are counted in the encoder.
 */
class LoginThrottleTests {

	private static final String OFFICE = "198.51.100.7";

	private final CachingPasswordEncoderTests.MutableClock clock = new CachingPasswordEncoderTests.MutableClock();

	private final AtomicInteger checks = new AtomicInteger();

	private final LoginThrottle throttle = new LoginThrottle(new LoginSettings(5, 20, Duration.ofMinutes(1),
			Duration.ofMinutes(15), Duration.ofHours(6), 1, Duration.ofSeconds(1)), this.clock);

	private final AuthenticationProvider logins = new ThrottledAuthenticationProvider(passwords(), this.throttle);

	@Test
	void fiftyWrongPasswordsCostFiveChecksThenEvenTheRightOneWaitsForTheWindow() {
		int throttled = 0;
		for (int i = 0; i < 50; i++) {
			try {
				login("alice", "faux-" + i, OFFICE);
			}
			catch (LoginThrottledException ex) {
				throttled++;
			}
			catch (BadCredentialsException ex) {
				// one of the first five
			}
		}
		assertThat(this.checks).hasValue(5);
		assertThat(throttled).isEqualTo(45);

		var refused = catchThrowableOfType(LoginThrottledException.class, () -> login("alice", "secret", OFFICE));
		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(1));
		assertThat(refused.minutes()).isEqualTo(1);
		assertThat(this.checks).as("refused without a check").hasValue(5);

		this.clock.advance(Duration.ofSeconds(59));
		assertThatThrownBy(() -> login("alice", "secret", OFFICE)).isInstanceOf(LoginThrottledException.class);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(login("alice", "secret", OFFICE).isAuthenticated()).isTrue();
	}

	@Test
	void eachFailureAfterALockDoublesItUpToTheLongest() {
		for (int i = 0; i < 5; i++) {
			wrong("alice", OFFICE);
		}
		for (int minutes : new int[] { 1, 2, 4, 8, 15, 15 }) {
			assertThat(retryAfter("alice", OFFICE)).isEqualTo(Duration.ofMinutes(minutes));
			this.clock.advance(Duration.ofMinutes(minutes));
			wrong("alice", OFFICE);
		}
	}

	@Test
	void anUnknownAccountIsLockedLikeAKnownOne() {
		for (int i = 0; i < 5; i++) {
			wrong("alice", "203.0.113.1");
			wrong("personne", "203.0.113.2");
		}
		assertThat(retryAfter("personne", "203.0.113.2")).isEqualTo(retryAfter("alice", "203.0.113.1"));
	}

	@Test
	void anAccountIsLockedFromEveryAddressAndAnAddressForEveryAccount() {
		for (int i = 0; i < 5; i++) {
			wrong("alice", "203.0.113." + i);
		}
		assertThat(retryAfter("alice", "192.0.2.200")).isEqualTo(Duration.ofMinutes(1));

		for (int i = 0; i < 20; i++) {
			wrong("compte-" + i, OFFICE);
		}
		assertThat(retryAfter("bob", OFFICE)).isEqualTo(Duration.ofMinutes(1));
		assertThat(login("bob", "secret", "192.0.2.201").isAuthenticated()).isTrue();
	}

	@Test
	void aSuccessClearsItsAccountsCountNotItsAddresss() {
		for (int i = 0; i < 4; i++) {
			wrong("alice", OFFICE);
		}
		login("alice", "secret", OFFICE);
		for (int i = 0; i < 4; i++) {
			wrong("alice", OFFICE);
		}
		assertThat(login("alice", "secret", OFFICE).isAuthenticated()).as("4 + 4 failures, a success between")
			.isTrue();

		for (int i = 0; i < 12; i++) {
			wrong("compte-" + i, OFFICE);
		}
		assertThat(retryAfter("bob", OFFICE)).as("the address counted all 20").isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void failuresAreForgottenAfterAQuietWhile() {
		for (int i = 0; i < 4; i++) {
			wrong("alice", OFFICE);
		}
		this.clock.advance(Duration.ofHours(6));
		wrong("alice", OFFICE);
		assertThat(login("alice", "secret", OFFICE).isAuthenticated()).isTrue();
	}

	private Authentication login(String user, String password, String client) {
		var attempt = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
		attempt.setDetails(new WebAuthenticationDetails(client, null));
		return this.logins.authenticate(attempt);
	}

	private void wrong(String user, String client) {
		assertThatThrownBy(() -> login(user, "faux", client)).isInstanceOf(BadCredentialsException.class)
			.isNotInstanceOf(LoginThrottledException.class);
	}

	private Duration retryAfter(String user, String client) {
		return catchThrowableOfType(LoginThrottledException.class, () -> login(user, "secret", client)).retryAfter();
	}

	private AuthenticationProvider passwords() {
		var users = new InMemoryUserDetailsManager(User.withUsername("alice").password("secret").roles("ADMIN").build(),
				User.withUsername("bob").password("secret").roles("ADMIN").build());
		var provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(new PasswordEncoder() {

			@Override
			public String encode(CharSequence raw) {
				return raw.toString();
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				LoginThrottleTests.this.checks.incrementAndGet();
				return encoded.equals(raw.toString());
			}

		});
		return provider;
	}

}
