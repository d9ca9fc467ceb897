package io.infolettre.newsletter.reconciliation;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.report.IssueReport;

/** The groups of an issue's ledger entries a coordinator looks at, by what became of the message. */
public enum DeliveryFilter {

	/** Failed, for a while or for good, or uncertain: those a resend may still reach. */
	UNDELIVERED(Arrays.stream(DeliveryStatus.values())
		.filter(DeliveryStatus::isUndelivered)
		.collect(Collectors.toCollection(() -> EnumSet.noneOf(DeliveryStatus.class)))),

	/** Left out on purpose: unsubscribed or bounced since the freeze, or the send was cancelled. */
	SKIPPED(EnumSet.of(DeliveryStatus.SKIPPED)),

	SENT(EnumSet.of(DeliveryStatus.SENT)),

	/** Not sent yet, or on the wire. */
	PENDING(EnumSet.of(DeliveryStatus.PENDING)),

	ALL(EnumSet.noneOf(DeliveryStatus.class));

	private final Set<DeliveryStatus> statuses;

	DeliveryFilter(Set<DeliveryStatus> statuses) {
		this.statuses = statuses;
	}

	/** The statuses of the group, empty for all (as {@link io.infolettre.newsletter.delivery.Deliveries} takes them). */
	public Set<DeliveryStatus> statuses() {
		return this.statuses;
	}

	/** How many of the issue's entries are in the group, from the report's counters. */
	public long count(IssueReport report) {
		return switch (this) {
			case UNDELIVERED -> report.undelivered();
			case SKIPPED -> report.skipped();
			case SENT -> report.sent();
			case PENDING -> report.pending();
			case ALL -> report.recipients();
		};
	}

	/** The name in URLs: {@code undelivered}, {@code skipped}, {@code sent}, {@code pending}, {@code all}. */
	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<DeliveryFilter> fromParam(String value) {
		return Arrays.stream(values()).filter(filter -> filter.param().equalsIgnoreCase(value.strip())).findFirst();
	}

}
