package io.infolettre.newsletter.api;

import java.util.List;

/** What became of a batch: how many were new, and which entries were refused and why. */
record SubscriberImportResult(int received, int added, List<Invalid> invalid) {

	record Invalid(int index, String email, String reason) {
	}

}
