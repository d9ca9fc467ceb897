package io.infolettre.newsletter.engagement.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Clicks wait a moment before they are written, so that a machine following every link of a message
 * within a second (a scanner) is seen whole; opens go at once. A click among clicks on
 * {@value #SWEEP_LINKS} different links of one message within {@link #SWEEP_SPAN} was a machine's,
 * not a reader's. Held by the open writer's thread only.
 */
final class SettlingClicks {

	private static final int SWEEP_LINKS = 3;

	private static final Duration SWEEP_SPAN = Duration.ofSeconds(1);

	// clicks not written yet, and the clicks of the last moments (written or not)
	private final List<Open> settling = new ArrayList<>();

	private final List<Open> recent = new ArrayList<>();

	/** What of the batch, and of the clicks that waited, may be written now. */
	List<Open> ripe(List<Open> batch, Instant now) {
		List<Open> ripe = new ArrayList<>();
		for (Open open : batch) {
			if (!open.isClick()) {
				ripe.add(open);
			}
			else {
				this.settling.add(open);
				this.recent.add(open);
			}
		}
		this.settling.removeIf(click -> {
			boolean settled = !click.at().plus(SWEEP_SPAN).isAfter(now);
			if (settled) {
				ripe.add(click);
			}
			return settled;
		});
		this.recent.removeIf(click -> click.at().plus(SWEEP_SPAN.multipliedBy(2)).isBefore(now));
		return ripe;
	}

	/** The whole batch and every click still waiting, to be written at once (a flush, a stop). */
	List<Open> all(List<Open> batch) {
		List<Open> all = new ArrayList<>(batch);
		batch.stream().filter(Open::isClick).forEach(this.recent::add);
		all.addAll(this.settling);
		this.settling.clear();
		return all;
	}

	boolean isSweep(Open click) {
		Set<Integer> links = new HashSet<>();
		for (Open other : this.recent) {
			if (other.sequence() == click.sequence() && other.issueId().equals(click.issueId())
					&& Duration.between(other.at(), click.at()).abs().compareTo(SWEEP_SPAN) <= 0) {
				links.add(other.link());
			}
		}
		return links.size() >= SWEEP_LINKS;
	}

}
