package io.infolettre.newsletter.system;

import java.util.Locale;

import io.infolettre.newsletter.people.TeamSettingsStore;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic on the API: a password opens it only for the first administrator (the account created at
 * first start, {@code newsletter.admin.username}), and only while the team's settings allow it
 * ({@link io.infolettre.newsletter.people.TeamSettings#passwordApiAccess()}); everyone else uses API
 * tokens. Refused before the password is checked, so that the API is no place to guess the
 * passwords of the team.
 */
final class PasswordApiAccess implements AuthenticationManager {

	private final AuthenticationManager passwordLogins;

	private final String firstAdministrator;

	private final TeamSettingsStore settings;

	PasswordApiAccess(AuthenticationManager passwordLogins, String firstAdministrator, TeamSettingsStore settings) {
		this.passwordLogins = passwordLogins;
		this.firstAdministrator = normalise(firstAdministrator);
		this.settings = settings;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		if (!this.firstAdministrator.equals(normalise(authentication.getName()))
				|| !this.settings.current().passwordApiAccess()) {
			throw new PasswordApiAccessRefused();
		}
		return this.passwordLogins.authenticate(authentication);
	}

	private static String normalise(String login) {
		return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
	}

	/** A password where the API wants a token. */
	static final class PasswordApiAccessRefused extends AuthenticationException {

		PasswordApiAccessRefused() {
			super("Password access to the API is refused for this account");
		}

	}

}
