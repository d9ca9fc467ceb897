package io.infolettre.newsletter.system;

import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the login page says of single sign-on: the button « Se connecter avec … » when it is
 * configured, and why the last try was refused (kept in the session by SsoLogins, shown once).
 */
@ControllerAdvice(assignableTypes = LoginController.class)
class SsoLoginPage {

	private final ObjectProvider<SsoSettings> settings;

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	// both absent from a web slice test, which has no single sign-on
	SsoLoginPage(ObjectProvider<SsoSettings> settings, ObjectProvider<ClientRegistrationRepository> registrations) {
		this.settings = settings;
		this.registrations = registrations;
	}

	@ModelAttribute("sso")
	String provider() {
		SsoSettings sso = this.settings.getIfAvailable();
		return sso != null && sso.enabled() && this.registrations.getIfAvailable() != null ? sso.displayName() : null;
	}

	@ModelAttribute("ssoRefusal")
	String refusal(HttpSession session) {
		Object reason = session.getAttribute(SsoLogins.REFUSAL);
		session.removeAttribute(SsoLogins.REFUSAL);
		return reason == null ? null : "login.sso.refused." + reason;
	}

}
