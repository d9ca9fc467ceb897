package io.infolettre.newsletter.segment.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.AttributeType;

/** The built-in attributes of an industrial association, and a number and a boolean of the coordinator's. */
final class TestAttributes implements AttributeDefinitions {

	static final List<AttributeDefinition> ALL = List.of(
			new AttributeDefinition("secteur", "Secteur", AttributeType.CHOICE,
					List.of("Fabrication et transformation", "Génie", "Transport", "Agroalimentaire"), true),
			new AttributeDefinition("territoire", "Territoire", AttributeType.TEXT, List.of(), true),
			new AttributeDefinition("membreDepuis", "Membre depuis", AttributeType.DATE, List.of(), true),
			AttributeDefinition.of("employes", "Employés", AttributeType.NUMBER),
			AttributeDefinition.of("exportateur", "Exportateur", AttributeType.BOOLEAN));

	@Override
	public List<AttributeDefinition> all() {
		return ALL;
	}

	@Override
	public Optional<AttributeDefinition> find(String name) {
		return ALL.stream().filter(definition -> definition.name().equals(name)).findFirst();
	}

	@Override
	public AttributeDefinition save(AttributeDefinition definition) {
		throw new UnsupportedOperationException();
	}

	@Override
	public AttributeDefinition addChoices(String name, Collection<String> values) {
		throw new UnsupportedOperationException();
	}

}
