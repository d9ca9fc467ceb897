package io.infolettre.newsletter.subscriber;

import java.util.List;

/**
 * One of the first rows of a file as the import will take it, for the preview.
 *
 * @param line the physical line it starts on
 * @param values its cells
 * @param problem why the import would refuse it; null when it would import (the checks that need
 * the database, such as an address that unsubscribed, are left to the import)
 */
public record ImportCheck(long line, List<String> values, String problem) {
}
