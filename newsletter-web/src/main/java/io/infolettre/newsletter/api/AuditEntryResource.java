package io.infolettre.newsletter.api;

import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.audit.AuditEntry;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.audit.FieldChange;

/** An entry of the audit log as the API shows it. */
record AuditEntryResource(String id, Instant at, Actor actor, AuditKind kind, String targetId, String targetLabel,
		String action, String actionText, List<FieldChange> changes) {

	static AuditEntryResource of(AuditEntry entry) {
		var actor = entry.actor();
		return new AuditEntryResource(entry.id(), entry.at(),
				new Actor(actor.personId(), actor.name(), actor.tokenId(), actor.address()), entry.kind(),
				entry.targetId(), entry.targetLabel(), entry.action(), entry.actionText(), entry.changes());
	}

	/** Who made the change: the person, the API token they used (null for a login session), their address. */
	record Actor(String personId, String name, String tokenId, String address) {
	}

}
