/**
 * Tracking: signed opaque tokens for the public URLs in every message (open pixel, unsubscribe),
 * and the links built from them. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tracking", allowedDependencies = {})
package io.infolettre.newsletter.tracking;
