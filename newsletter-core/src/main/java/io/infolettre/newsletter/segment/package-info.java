/**
 * Segments: who an issue is for, evaluated against the subscribers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Segments", allowedDependencies = "subscriber")
package io.infolettre.newsletter.segment;
