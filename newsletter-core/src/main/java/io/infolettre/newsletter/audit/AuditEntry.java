package io.infolettre.newsletter.audit;

import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.shared.Actor;

/**
 * One change, as the log keeps it for good.
 *
 * @param id its identifier, in the order the entries were recorded
 * @param actor who made it: the person, the API token they used, the address the request came from
 * @param targetId the id of what changed, or null when the change made nothing one can name
 * @param targetLabel what changed, as a person recognises it (a title, an address, a name)
 * @param action a stable code ({@code issue.edit}), for filters and translations
 * @param actionText the action in French, as recorded
 * @param changes the fields that changed, with their values before and after
 */
public record AuditEntry(String id, Instant at, Actor actor, AuditKind kind, String targetId, String targetLabel,
		String action, String actionText, List<FieldChange> changes) {

	/** The label an erased subscriber's entries keep. */
	public static final String ERASED_LABEL = "[abonné effacé]";

	public AuditEntry {
		changes = changes == null ? List.of() : List.copyOf(changes);
	}

	/** A new entry, before the log gives it its id and time. */
	public static AuditEntry of(Actor actor, AuditKind kind, String targetId, String targetLabel, String action,
			String actionText, List<FieldChange> changes) {
		return new AuditEntry(null, null, actor, kind, targetId, targetLabel, action, actionText, changes);
	}

}
