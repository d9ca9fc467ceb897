package io.infolettre.newsletter.api;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import io.infolettre.newsletter.report.IssueFigures;
import io.infolettre.newsletter.report.IssueReport;
import io.infolettre.newsletter.tracking.OpenClass;

/**
 * An issue's figures; rates are fractions from 0 to 1. {@code uniqueOpens} counts recipients who read
 * it (a person's or a webmail proxy's open, or a person's click); {@code openEvents} every open
 * recorded (repeated ones, proxies' and scanners' included), and {@code openClasses} the same by
 * class (HUMAN, IMAGE_PROXY, APPLE_PRIVACY, SCANNER); likewise for clicks. From the report counters:
 * {@code uniqueOpensHuman} (the recipients read it for, as {@code uniqueOpens}),
 * {@code uniqueOpensMachineOnly} (seen only by Apple's prefetch or scanners), {@code uniqueOpensTotal}
 * (seen at all), {@code firstSeenBy} (those seen, by the class of their first event),
 * {@code readByClick} (read through a click without a pixel open), their rates over the messages sent,
 * the click-to-open rate (clickers over readers), bounces and complaints reported after the send.
 */
record ReportResource(String issueId, long recipients, long sent, long failed, long failedTemporary,
		long failedPermanent, long skipped, long uncertain, long pending, long uniqueOpens, double openRate,
		long unsubscribes, double unsubscribeRate, long openEvents, Map<OpenClass, Long> openClasses,
		long uniqueClicks, double clickRate, long clickEvents, Map<OpenClass, Long> clickClasses,
		long uniqueOpensHuman, long uniqueOpensMachineOnly, long uniqueOpensTotal, Map<OpenClass, Long> firstSeenBy,
		long readByClick, double humanOpenRate, double machineOpenRate, double totalOpenRate,
		double clickToOpenRate, long hardBounces, long softBounces, long complaints, Instant countersRebuiltAt) {

	static ReportResource of(IssueFigures f) {
		IssueReport r = f.delivery();
		var s = f.stats();
		return new ReportResource(r.issueId(), r.recipients(), r.sent(), r.failed(), r.failedTemporary(),
				r.failedPermanent(), r.skipped(), r.uncertain(), r.pending(), r.uniqueOpens(), r.openRate(),
				r.unsubscribes(), r.unsubscribeRate(), r.opens().events(), new TreeMap<>(r.opens().byClass()),
				r.clicks().unique(), r.clickRate(), r.clicks().events(), new TreeMap<>(r.clicks().byClass()), s.read(),
				s.machineOnly(), s.seen(), new TreeMap<>(s.seenAs()), s.readByClick(), f.humanOpenRate(),
				f.machineOpenRate(), f.totalOpenRate(), f.clickToOpenRate(), s.hardBounces(), s.softBounces(),
				s.complaints(), s.rebuiltAt());
	}

}
