package io.infolettre.newsletter.audit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.infolettre.newsletter.audit.AuditEntry;
import io.infolettre.newsletter.subscriber.PersonalDataHolder;
import io.infolettre.newsletter.subscriber.Subscriber;

import org.springframework.stereotype.Component;

/**
 * What the audit log holds about a subscriber (the changes the team made to them), for an access
 * request and an erasure: the erasure runs every holder before it removes the subscriber, so their
 * entries are anonymised in the same request, and again if the erasure is asked again.
 */
@Component
class SubscriberAuditEntries implements PersonalDataHolder {

	private final MongoAuditLog log;

	SubscriberAuditEntries(MongoAuditLog log) {
		this.log = log;
	}

	@Override
	public String section() {
		return "audit";
	}

	@Override
	public List<Map<String, Object>> export(Subscriber subscriber) {
		return this.log.aboutSubscriber(subscriber.getId()).stream().map(SubscriberAuditEntries::row).toList();
	}

	@Override
	public void erase(Subscriber subscriber) {
		this.log.anonymiseSubscriber(subscriber.getId());
	}

	private static String value(String value) {
		return value == null ? "∅" : value;
	}

	private static Map<String, Object> row(AuditEntry entry) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("at", entry.at());
		row.put("action", entry.actionText());
		row.put("by", entry.actor().name());
		// one line a person reads: « firstName : Hélène → Héloïse ; tags : → bénévole »
		row.put("changes", entry.changes()
			.stream()
			.map(change -> change.field() + " : " + value(change.before()) + " → " + value(change.after()))
			.collect(Collectors.joining(" ; ")));
		return row;
	}

}
