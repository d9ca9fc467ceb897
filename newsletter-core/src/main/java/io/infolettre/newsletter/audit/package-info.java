/**
 * The audit log (« Journal »): who changed what, when, from where, and the values before and after.
 * Entries are only ever added; the one change they undergo is the anonymisation of an erased
 * subscriber's entries, which this module does as a {@link io.infolettre.newsletter.subscriber.PersonalDataHolder}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log",
		allowedDependencies = { "shared", "subscriber" })
package io.infolettre.newsletter.audit;
