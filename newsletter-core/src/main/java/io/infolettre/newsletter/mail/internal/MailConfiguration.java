package io.infolettre.newsletter.mail.internal;

import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.SmtpRelay;
import io.infolettre.newsletter.delivery.spi.MailGateway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	@ConditionalOnMissingBean(MailGateway.class)
	MailGateway mailGateway(SmtpRelay relay, DeliverySettings settings) {
		if (settings.fallbackRelays().isEmpty()) {
			return new JakartaMailGateway(relay, settings);
		}
		List<MailGateway> relays = new ArrayList<>();
		relays.add(new JakartaMailGateway(relay, settings));
		settings.fallbackRelays().forEach(fallback -> relays.add(new JakartaMailGateway(fallback, settings)));
		return new FailoverMailGateway(relays);
	}

}
