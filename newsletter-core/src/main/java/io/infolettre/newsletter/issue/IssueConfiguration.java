package io.infolettre.newsletter.issue;

import java.util.List;

import io.infolettre.newsletter.rendering.SenderIdentity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IssueSettings.class)
class IssueConfiguration {

	@Bean
	AllowedSenders allowedSenders(IssueSettings settings, SenderIdentity identity) {
		return settings.senders().isEmpty()
				? new AllowedSenders(List.of(new IssueSender(identity.name(), identity.email())))
				: new AllowedSenders(settings.senders());
	}

}
