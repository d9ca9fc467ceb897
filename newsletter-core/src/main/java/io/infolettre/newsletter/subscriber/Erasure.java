package io.infolettre.newsletter.subscriber;

import java.time.Instant;

/**
 * The anonymised audit entry of an erasure: when, by whom, and a salted hash of the address (enough
 * to answer « was this address erased? » for whoever already knows it, useless to anyone else).
 */
public record Erasure(String id, Instant at, String by, String emailHash) {
}
