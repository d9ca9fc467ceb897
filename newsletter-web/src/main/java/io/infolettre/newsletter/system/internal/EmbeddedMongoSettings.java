package io.infolettre.newsletter.system.internal;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded MongoDB-wire server, started when no MongoDB URI is set.
 * @param keepValuesOf the collections whose indexed values it keeps in memory, so that their counts,
 * {@code distinct} and indexed-field queries need no reading of every document: the subscribers (a
 * segment's count, the audience of an issue)
 */
@ConfigurationProperties("newsletter.embedded-mongo")
record EmbeddedMongoSettings(Set<String> keepValuesOf) {

	EmbeddedMongoSettings {
		keepValuesOf = keepValuesOf == null ? Set.of("subscribers") : Set.copyOf(keepValuesOf);
	}

}
