package io.infolettre.newsletter.composition;

import java.util.List;
import java.util.stream.Collectors;

/** The checklist of an issue before it is scheduled or sent: a failing item blocks both. */
public record PreflightReport(List<PreflightCheck> checks) {

	public PreflightReport {
		checks = List.copyOf(checks);
	}

	public boolean passes() {
		return failures().isEmpty();
	}

	public List<PreflightCheck> failures() {
		return this.checks.stream().filter(c -> c.outcome() == PreflightCheck.Outcome.FAIL).toList();
	}

	public long warnings() {
		return this.checks.stream().filter(c -> c.outcome() == PreflightCheck.Outcome.WARN).count();
	}

	/** The failures in one sentence, for a refusal. */
	public String failureSummary() {
		return failures().stream()
			.map(c -> (c.language() == null ? "" : "[" + c.language() + "] ") + c.reason())
			.collect(Collectors.joining(" ; "));
	}

}
