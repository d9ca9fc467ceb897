package io.infolettre.newsletter.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.AttributeType;

/**
 * Attribute definitions in a map, for web slice tests: what a form or a request saved. The
 * definitions themselves are the real ones, which refuse a bad name, type or list of choices.
 */
public final class InMemoryAttributeDefinitions implements AttributeDefinitions {

	private final Map<String, AttributeDefinition> definitions = new LinkedHashMap<>();

	@Override
	public List<AttributeDefinition> all() {
		return new ArrayList<>(this.definitions.values());
	}

	@Override
	public Optional<AttributeDefinition> find(String name) {
		return Optional.ofNullable(this.definitions.get(name));
	}

	@Override
	public AttributeDefinition save(AttributeDefinition definition) {
		this.definitions.put(definition.name(), definition);
		return definition;
	}

	@Override
	public AttributeDefinition addChoices(String name, Collection<String> values) {
		var definition = find(name).filter(d -> d.type() == AttributeType.CHOICE)
			.orElseThrow(() -> new IllegalArgumentException("Attribut à choix inconnu : " + name));
		var choices = new LinkedHashSet<>(definition.choices());
		choices.addAll(values);
		return save(new AttributeDefinition(name, definition.label(), definition.type(), List.copyOf(choices),
				definition.builtIn()));
	}

	public void clear() {
		this.definitions.clear();
	}

}
