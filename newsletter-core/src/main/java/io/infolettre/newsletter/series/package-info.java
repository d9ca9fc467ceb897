/**
 * Recurring issues: a series creates the next issue from a model issue on a calendar rule ("the
 * second Tuesday of each month at 9:00"), as a draft for review or scheduled at once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Series", allowedDependencies = { "issue", "delivery", "scheduling", "shared" })
package io.infolettre.newsletter.series;
