package io.infolettre.newsletter.system;

import java.util.Optional;
import java.util.Set;

import io.infolettre.newsletter.audit.AuditKind;

/**
 * Reads what a target of some kind looks like now, through its module's public read methods, for
 * the audit log to compare before and after a change. Implementations pick the fields a person cares
 * about and never a secret (password hash, token, its digest).
 */
public interface AuditSnapshotSource {

	/** The kinds whose targets this source reads (a consent is read as its subscriber). */
	Set<AuditKind> kinds();

	/** The target as it is now; empty when there is no such target (not yet made, or gone). */
	Optional<AuditSnapshot> take(String id);

	/**
	 * The id of the one target of this kind, when there is only one (the team's settings): a form
	 * that changes it need not name it.
	 */
	default Optional<String> onlyTarget() {
		return Optional.empty();
	}

}
