package io.infolettre.newsletter.system;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The one provider of single sign-on ({@value #ID}), its endpoints read from its discovery document
 * at the first login rather than at startup: a provider that is down does not stop the application
 * (password logins go on), and the next try reads it again.
 */
final class SsoClientRegistrations implements ClientRegistrationRepository {

	static final String ID = "sso";

	private final SsoSettings settings;

	private volatile ClientRegistration registration;

	SsoClientRegistrations(SsoSettings settings) {
		this.settings = settings;
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		if (!ID.equals(registrationId)) {
			return null;
		}
		ClientRegistration found = this.registration;
		if (found == null) {
			synchronized (this) {
				found = this.registration;
				if (found == null) {
					found = ClientRegistrations.fromIssuerLocation(this.settings.issuerUri())
						.registrationId(ID)
						.clientId(this.settings.clientId())
						.clientSecret(this.settings.clientSecret())
						.scope("openid", "profile", "email")
						.clientName(this.settings.displayName())
						.build();
					this.registration = found;
				}
			}
		}
		return found;
	}

}
