package io.infolettre.newsletter.audit;

import java.util.function.Consumer;

/**
 * The audit log. Entries are added and read, never edited nor deleted: there is no method for it. The
 * only change an entry undergoes is the anonymisation of an erased subscriber's (done inside this
 * module when the subscriber module erases one).
 */
public interface AuditLog {

	/** Records a change now; returns the entry as kept. */
	AuditEntry record(AuditEntry entry);

	/**
	 * The entries matching the query, newest first, a page at a time.
	 * @param after the {@link AuditPage#next()} of the page before, or null for the first page
	 * @param size at most this many entries (1 to 500)
	 */
	AuditPage search(AuditQuery query, String after, int size);

	/** Every entry matching the query, newest first, read from the database a page at a time (CSV). */
	void forEach(AuditQuery query, Consumer<AuditEntry> action);

	/** The most entries a page holds. */
	int MAX_PAGE = 500;

}
