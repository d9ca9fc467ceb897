/**
 * Reports: what happened to an issue once sent — delivered, opened, unsubscribed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports", allowedDependencies = { "issue", "delivery" })
package io.infolettre.newsletter.report;
