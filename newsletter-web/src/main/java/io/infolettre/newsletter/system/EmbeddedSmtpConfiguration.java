package io.infolettre.newsletter.system;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.infolettre.newsletter.delivery.SmtpRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no SMTP relay configured, starts a development SMTP server (GreenMail, loopback) that keeps
 * what it receives, shown in the admin Outbox: a newcomer sees real messages without a mail server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class EmbeddedSmtpConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpConfiguration.class);

	@Bean(initMethod = "start", destroyMethod = "stop")
	GreenMail developmentSmtpServer() {
		var setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
		return new GreenMail(setup);
	}

	@Bean
	SmtpRelay developmentSmtpRelay(GreenMail developmentSmtpServer) {
		int port = developmentSmtpServer.getSmtp().getPort();
		log.info("Development SMTP server on 127.0.0.1:{}; messages appear in the admin Outbox", port);
		return new SmtpRelay("127.0.0.1", port, null, null, false, Map.of());
	}

	@Bean
	DevelopmentOutbox developmentOutbox(GreenMail developmentSmtpServer) {
		return new GreenMailOutbox(developmentSmtpServer);
	}

}
