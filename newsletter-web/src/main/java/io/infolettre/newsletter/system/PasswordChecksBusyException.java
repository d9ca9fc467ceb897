package io.infolettre.newsletter.system;

import org.springframework.security.core.AuthenticationException;

/** A login refused because as many password checks as allowed are running and none ended in time. */
final class PasswordChecksBusyException extends AuthenticationException {

	PasswordChecksBusyException() {
		super("Too many password checks at once");
	}

}
