package io.infolettre.newsletter.issue;

import java.time.Instant;

import io.infolettre.newsletter.rendering.Block;

/**
 * A block kept to be inserted in later issues (« Blocs enregistrés »), such as the association's
 * standing "Avantages membres" box. Inserting it copies it: changing the saved block later changes
 * no issue.
 */
public record SavedBlock(String id, String name, Block block, Instant createdAt, Instant updatedAt) {
}
