package io.infolettre.newsletter.subscriber;

/**
 * A row an import refused.
 *
 * @param line the physical line of the file where the row starts (a quoted field may span lines)
 * @param reason why, in French
 * @param original the row as it was read
 */
public record RejectedRow(long line, String reason, String original) {
}
