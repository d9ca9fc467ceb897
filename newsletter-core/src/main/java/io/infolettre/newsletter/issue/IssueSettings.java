package io.infolettre.newsletter.issue;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The senders an issue may be sent from: {@code newsletter.senders[N].name} and {@code .email}. When
 * none is configured, the one sender is {@code newsletter.sender}'s name and address.
 */
@ConfigurationProperties("newsletter")
record IssueSettings(List<IssueSender> senders) {

	IssueSettings {
		senders = senders == null ? List.of() : List.copyOf(senders);
	}

}
