package io.infolettre.newsletter.audit;

import java.time.Instant;

/**
 * Which entries to read; every part is optional.
 *
 * @param personId the person who made the changes
 * @param kind what they are about
 * @param from the first instant (included)
 * @param to the last instant (excluded)
 */
public record AuditQuery(String personId, AuditKind kind, Instant from, Instant to) {

	public static final AuditQuery ALL = new AuditQuery(null, null, null, null);

	public AuditQuery {
		personId = personId == null || personId.isBlank() ? null : personId.strip();
	}

}
