package io.infolettre.newsletter.admin;

import java.util.Optional;
import java.util.Set;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.system.AuditSnapshot;
import io.infolettre.newsletter.system.AuditSnapshotSource;

import org.springframework.stereotype.Component;

/**
 * A subscriber as the audit log compares them (also for a change of their consent): address, name,
 * company, language, status, lists, tags, attributes, tracking choice and consent. Personal data: the
 * audit module anonymises these values when the subscriber is erased.
 */
@Component
class AuditSubscriberSnapshots implements AuditSnapshotSource {

	private final Subscribers subscribers;

	AuditSubscriberSnapshots(Subscribers subscribers) {
		this.subscribers = subscribers;
	}

	@Override
	public Set<AuditKind> kinds() {
		return Set.of(AuditKind.SUBSCRIBER, AuditKind.CONSENT);
	}

	@Override
	public Optional<AuditSnapshot> take(String id) {
		return this.subscribers.findById(id).map(AuditSubscriberSnapshots::snapshot);
	}

	private static AuditSnapshot snapshot(Subscriber subscriber) {
		Consent consent = subscriber.getConsent();
		return AuditSnapshot.of(subscriber.getEmail().value())
			.put("email", subscriber.getEmail().value())
			.put("firstName", subscriber.getFirstName())
			.put("lastName", subscriber.getLastName())
			.put("company", subscriber.getCompany())
			.put("language", subscriber.getLanguage())
			.put("status", subscriber.getStatus())
			.put("lists", subscriber.getLists())
			.put("tags", subscriber.getTags())
			.put("trackingRefused", subscriber.isTrackingRefused())
			.put("attributes", subscriber.getAttributes())
			.put("consent.type", consent == null ? null : consent.type())
			.put("consent.source", consent == null ? null : consent.source())
			.put("consent.proof", consent == null ? null : consent.proof())
			.put("consent.grantedAt", consent == null ? null : consent.grantedAt())
			.build();
	}

}
