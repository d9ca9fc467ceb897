/**
 * Subscribers: the people who receive the newsletter, their status and their consent.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscribers")
package io.infolettre.newsletter.subscriber;
