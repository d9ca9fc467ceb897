/**
 * Issues: one edition of the newsletter, its content, audience and lifecycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Issues",
		allowedDependencies = { "segment", "subscriber", "rendering", "media" })
package io.infolettre.newsletter.issue;
