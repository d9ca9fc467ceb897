package io.infolettre.newsletter.subscriber;

import java.util.Collection;
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

	/**
	 * Adds values to a choice attribute's list, leaving the rest of its definition as it is (even
	 * when someone saves it at the same moment); returns the definition with them.
	 * @throws IllegalArgumentException when the attribute is unknown or not a choice
	 */
	AttributeDefinition addChoices(String name, Collection<String> values);

}
