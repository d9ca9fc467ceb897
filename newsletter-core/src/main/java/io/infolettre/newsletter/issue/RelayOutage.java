package io.infolettre.newsletter.issue;

import java.time.Instant;

/**
 * The relay outage a send waits out: since when nothing could be delivered, and how many times the
 * relay was tried again since.
 */
public record RelayOutage(Instant since, int probes) {

	public RelayOutage probedAgain() {
		return new RelayOutage(this.since, this.probes + 1);
	}

}
