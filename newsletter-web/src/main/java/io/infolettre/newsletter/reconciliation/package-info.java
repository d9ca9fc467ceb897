/**
 * Reconciliation: who did not receive an issue and why. Groups of ledger entries, the entries with
 * their addresses, and the CSV export the admin UI and the API both offer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reconciliation",
		allowedDependencies = { "delivery", "report", "subscriber" })
package io.infolettre.newsletter.reconciliation;
