package io.infolettre.newsletter.subscriber;

import java.nio.charset.Charset;
import java.util.List;

/**
 * The first lines of an import file as they will be read, for the column-mapping step.
 *
 * @param charset the encoding detected (or chosen)
 * @param separator the separator detected (or chosen)
 * @param header the header line's cells
 * @param rows the first rows after the header
 * @param guessedMapping a target per column guessed from its header (French or English)
 */
public record SubscriberImportPreview(Charset charset, char separator, List<String> header, List<List<String>> rows,
		List<String> guessedMapping) {
}
