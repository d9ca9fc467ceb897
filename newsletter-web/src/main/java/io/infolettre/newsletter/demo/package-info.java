/**
 * Demo data: fictional member companies and a draft issue, loaded on a first start with no data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
		allowedDependencies = { "subscriber", "issue", "segment" })
package io.infolettre.newsletter.demo;
