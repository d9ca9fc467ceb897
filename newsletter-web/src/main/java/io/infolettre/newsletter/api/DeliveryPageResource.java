package io.infolettre.newsletter.api;

import java.util.List;

/** A page of an issue's ledger entries in one group; {@code total} counts the whole group. */
record DeliveryPageResource(String issueId, String status, int page, int size, long total,
		List<DeliveryResource> items) {
}
