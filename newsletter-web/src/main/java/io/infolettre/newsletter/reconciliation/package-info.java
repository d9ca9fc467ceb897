/**
 * Reconciliation: who did not receive an issue and why. Groups of ledger entries, the entries with
 * their addresses, and the CSV export the admin UI and the API both offer; the unsubscribe audit log
 * as CSV, to show compliance.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reconciliation",
		allowedDependencies = { "delivery", "report", "subscriber", "issue", "segment" })
package io.infolettre.newsletter.reconciliation;
