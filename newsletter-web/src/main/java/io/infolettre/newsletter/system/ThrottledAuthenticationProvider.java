package io.infolettre.newsletter.system;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password logins, from the login form and from the API's HTTP Basic alike, through the
 * {@link LoginThrottle}: a locked account or address is refused before its password is checked;
 * a wrong password is counted, a right one clears its account's count.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication login) {
		String account = login.getName();
		String client = login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
		var wait = this.throttle.lockedFor(account, client);
		if (wait.isPresent()) {
			throw new LoginThrottledException(wait.get());
		}
		try {
			Authentication authenticated = this.passwords.authenticate(login);
			this.throttle.succeeded(account);
			return authenticated;
		}
		catch (BadCredentialsException ex) {
			this.throttle.failed(account, client);
			throw ex;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
