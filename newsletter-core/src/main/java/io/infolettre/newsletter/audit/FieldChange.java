package io.infolettre.newsletter.audit;

/**
 * One field that a change altered, as text ({@code null}: absent). Field names are paths:
 * {@code fr.subject}, {@code blocks.2.text}, {@code attributes.sector}.
 */
public record FieldChange(String field, String before, String after) {
}
