package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;

/**
 * A row that passed every check, with typed values. A null name, company or language means the
 * column is absent or empty: an update leaves the stored value alone.
 *
 * @param consentType from the row's consent column, or null for the file's
 * @param consentAt from the row's consent date column, or null for the time of the import
 */
record ImportRow(long line, EmailAddress email, String firstName, String lastName, String company, String language,
		Set<String> lists, Set<String> tags, Consent.Type consentType, Instant consentAt,
		Map<String, Object> attributes) {
}
