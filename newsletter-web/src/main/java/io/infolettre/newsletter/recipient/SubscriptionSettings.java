package io.infolettre.newsletter.recipient;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public subscription form.
 *
 * @param lists the lists a visitor may choose (the coordinator's public lists); none: the form
 * subscribes to the newsletter as a whole
 * @param burst form submissions a client (an IP address) may make at once
 * @param refillEvery how often a client gets one more submission, up to {@code burst}
 * @param confirmationsPerAddress confirmation emails one address may get in 24 hours, whoever asks
 * for them from wherever; more requests are answered as any other and send nothing
 */
@ConfigurationProperties("newsletter.subscription")
record SubscriptionSettings(List<String> lists, Integer burst, Duration refillEvery, Integer confirmationsPerAddress) {

	SubscriptionSettings {
		lists = lists == null ? List.of() : List.copyOf(lists);
		burst = burst == null ? 5 : Math.max(1, burst);
		refillEvery = refillEvery == null ? Duration.ofMinutes(2) : refillEvery;
		confirmationsPerAddress = confirmationsPerAddress == null ? 3 : Math.max(1, confirmationsPerAddress);
	}

}
