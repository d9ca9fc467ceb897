package io.infolettre.newsletter.api;

import jakarta.validation.constraints.NotBlank;

/** A segment as the API receives it: a name, a description and its rule tree. */
record SegmentRequest(@NotBlank String name, String description, RuleNode rules) {
}
