package io.infolettre.newsletter.api;

import java.util.List;

/** A test of an issue: up to 5 addresses; {@code language} forces a variant ({@code fr}, {@code en}). */
record TestSendRequest(List<String> addresses, String language) {
}
