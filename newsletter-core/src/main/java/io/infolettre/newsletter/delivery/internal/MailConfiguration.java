package io.infolettre.newsletter.delivery.internal;

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
		return new JakartaMailGateway(relay, settings);
	}

}
