package io.infolettre.newsletter.report;

import java.time.Instant;
import java.util.Map;

import io.infolettre.newsletter.tracking.OpenClass;

/**
 * An issue's tracking counters, kept as the events arrive ({@code issue_stats}). Unique counts are of
 * recipients (ledger entries), each counted once:
 *
 * @param seen recipients with at least one open or click of any class (a click implies an open)
 * @param seenAs those same recipients by the class of their first event
 * @param read recipients a person read it for: a person's or a webmail image proxy's open, or a
 * person's click ({@link OpenClass#isRead()})
 * @param readByClick of {@code read}, those whose first read was a click without a pixel open before
 * @param clicked recipients who followed a link as persons
 * @param openEvents every open recorded, repeated ones and machines' included ({@code openClasses} by
 * class); likewise for clicks
 * @param rebuiltAt when the counters were last recomputed from the ledger and the raw events (null:
 * never)
 */
public record IssueStatistics(String issueId, long seen, Map<OpenClass, Long> seenAs, long read, long readByClick,
		long clicked, long openEvents, Map<OpenClass, Long> openClasses, long clickEvents,
		Map<OpenClass, Long> clickClasses, long hardBounces, long softBounces, long complaints, Instant rebuiltAt) {

	public IssueStatistics {
		seenAs = Map.copyOf(seenAs);
		openClasses = Map.copyOf(openClasses);
		clickClasses = Map.copyOf(clickClasses);
	}

	public static IssueStatistics none(String issueId) {
		return new IssueStatistics(issueId, 0, Map.of(), 0, 0, 0, 0, Map.of(), 0, Map.of(), 0, 0, 0, null);
	}

	/** Recipients seen only by machines (Apple's prefetch, scanners): seen, never read. */
	public long machineOnly() {
		return Math.max(0, this.seen - this.read);
	}

	public long bounces() {
		return this.hardBounces + this.softBounces;
	}

	public long seenAs(OpenClass type) {
		return this.seenAs.getOrDefault(type, 0L);
	}

	public long opens(OpenClass type) {
		return this.openClasses.getOrDefault(type, 0L);
	}

	public long clicks(OpenClass type) {
		return this.clickClasses.getOrDefault(type, 0L);
	}

	/** The counters alone (without the rebuild time), to compare a rebuild with the live path. */
	public IssueStatistics counters() {
		return new IssueStatistics(this.issueId, this.seen, this.seenAs, this.read, this.readByClick, this.clicked,
				this.openEvents, this.openClasses, this.clickEvents, this.clickClasses, this.hardBounces,
				this.softBounces, this.complaints, null);
	}

}
