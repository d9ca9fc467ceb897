package io.infolettre.newsletter.system;

import io.infolettre.newsletter.delivery.SmtpRelay;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A real SMTP relay from {@code spring.mail.*}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${spring.mail.host:}'.isEmpty()")
class RelayConfiguration {

	@Bean
	SmtpRelay smtpRelay(MailProperties mail) {
		boolean startTls = Boolean.parseBoolean(mail.getProperties().getOrDefault("mail.smtp.starttls.enable", "false"));
		return new SmtpRelay(mail.getHost(), mail.getPort() == null ? 25 : mail.getPort(), mail.getUsername(),
				mail.getPassword(), startTls, mail.getProperties());
	}

}
