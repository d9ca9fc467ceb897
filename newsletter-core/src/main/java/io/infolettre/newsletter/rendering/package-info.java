/**
 * Rendering: turns a draft and a recipient into the message they receive (subject, HTML, text)
 * with the FreeMarker templates in {@code templates/}. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rendering", allowedDependencies = {})
package io.infolettre.newsletter.rendering;
