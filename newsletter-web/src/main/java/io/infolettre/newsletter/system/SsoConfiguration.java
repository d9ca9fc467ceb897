package io.infolettre.newsletter.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** Single sign-on exists only when an issuer is configured ({@code newsletter.sso.issuer-uri}). */
@Configuration(proxyBeanMethods = false)
class SsoConfiguration {

	@Bean
	@ConditionalOnProperty(prefix = "newsletter.sso", name = "issuer-uri")
	ClientRegistrationRepository ssoClientRegistrations(SsoSettings settings) {
		return new SsoClientRegistrations(settings);
	}

}
