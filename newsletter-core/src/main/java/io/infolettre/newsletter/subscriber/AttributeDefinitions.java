package io.infolettre.newsletter.subscriber;

import java.util.List;
import java.util.Optional;

/**
 * The attributes subscribers may carry: the built-in ones of an industrial association (sector,
 * territory, industrial park, role, member since) and those the coordinator adds.
 */
public interface AttributeDefinitions {

	/** Built-in first, then the coordinator's, by name. */
	List<AttributeDefinition> all();

	Optional<AttributeDefinition> find(String name);

	/** Adds or changes a definition; a built-in one keeps its name and type. */
	AttributeDefinition save(AttributeDefinition definition);

}
