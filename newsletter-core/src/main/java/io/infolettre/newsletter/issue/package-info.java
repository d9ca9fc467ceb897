/**
 * Issues: one edition of the newsletter, its content, audience and lifecycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Issues",
		allowedDependencies = { "segment", "subscriber", "rendering", "media", "shared" })
package io.infolettre.newsletter.issue;
