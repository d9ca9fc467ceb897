package io.infolettre.newsletter.subscriber.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;

/**
 * Adds to a choice attribute's list the values an import brings that it lacks (« Ingénierie » next
 * to « Génie »): the coordinator's own values never refuse a row. Each value is added once, at the
 * first row that has it, and the rows after it read it as a known choice. A file that brings more
 * than {@link #MOST_PER_ATTRIBUTE} new values to one attribute is not a list of choices: the rest are
 * left out, each row with a warning.
 */
final class ChoiceAdditions {

	static final int MOST_PER_ATTRIBUTE = 200;

	private final AttributeDefinitions definitions;

	private final ImportRowReader reader;

	private final Map<String, Integer> added = new HashMap<>();

	ChoiceAdditions(AttributeDefinitions definitions, ImportRowReader reader) {
		this.definitions = definitions;
		this.reader = reader;
	}

	/** The value as the list now has it; empty when this file added too many to the attribute already. */
	Optional<String> add(AttributeDefinition attribute, String value) {
		int count = this.added.merge(attribute.name(), 1, Integer::sum);
		if (count > MOST_PER_ATTRIBUTE) {
			return Optional.empty();
		}
		AttributeDefinition updated = this.definitions.addChoices(attribute.name(), List.of(value));
		this.reader.use(updated);
		// as the list has it, should someone have added it in another case meanwhile
		return Optional.of(updated.choices().stream().filter(choice -> choice.equalsIgnoreCase(value)).findFirst()
			.orElse(value));
	}

}
