/**
 * Engagement: what happens to a message after it left, attributed to its delivery. Opens and clicks
 * (written behind the requests, classified, kept as raw events and as each entry's firsts), the
 * preference center and the unsubscribe reached from a message, and the bounces and complaints the
 * mail servers send back (the bounce message read as a DSN or an ARF report). The reports and the
 * subscribers' engagement follow what is written ({@link io.infolettre.newsletter.engagement.TrackingListener}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engagement",
		allowedDependencies = { "delivery", "tracking", "subscriber" })
package io.infolettre.newsletter.engagement;
