/**
 * Small infrastructure pieces more than one module needs, open to all of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.infolettre.newsletter.shared;
