package io.infolettre.newsletter.audit;

import java.util.List;

/**
 * A page of entries, newest first.
 *
 * @param next what to pass to read the next (older) page, or null on the last one
 */
public record AuditPage(List<AuditEntry> entries, String next) {
}
