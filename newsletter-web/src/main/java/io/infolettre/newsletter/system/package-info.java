/**
 * The running system: embedded servers for a zero-configuration start, security, web settings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System",
		allowedDependencies = { "delivery", "rendering", "tracking", "shared", "people", "audit" })
package io.infolettre.newsletter.system;
