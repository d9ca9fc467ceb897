/**
 * Composition: an issue as the message a given reader receives. The issue is compiled once per
 * language variant ({@link io.infolettre.newsletter.composition.IssueMessages}) and each reader gets
 * a model of themselves ({@link io.infolettre.newsletter.composition.RecipientModels}); the send
 * engine composes its messages with these, and so do the previews and the checklist before a send
 * (preflight), which need nothing of the send itself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Composition",
		allowedDependencies = { "issue", "rendering", "subscriber", "segment", "tracking", "media" })
package io.infolettre.newsletter.composition;
