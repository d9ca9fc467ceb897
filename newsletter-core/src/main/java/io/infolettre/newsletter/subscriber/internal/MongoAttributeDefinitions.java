package io.infolettre.newsletter.subscriber.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.AttributeType;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Attribute definitions in {@code attribute_definitions}, keyed by {@code attr:<name>}. The built-in
 * ones exist without being stored; storing one only changes its label or its choices.
 */
@Repository
class MongoAttributeDefinitions implements AttributeDefinitions {

	static final String COLLECTION = "attribute_definitions";

	private static final String KEY_PREFIX = "attr:";

	private static final List<AttributeDefinition> BUILT_IN = List.of(
			new AttributeDefinition("secteur", "Secteur", AttributeType.CHOICE,
					List.of("Fabrication et transformation", "Génie", "Transport", "Services professionnels",
							"Haute technologie", "Agroalimentaire"),
					true),
			new AttributeDefinition("territoire", "Territoire", AttributeType.TEXT, List.of(), true),
			new AttributeDefinition("parc", "Parc industriel", AttributeType.TEXT, List.of(), true),
			new AttributeDefinition("fonction", "Fonction", AttributeType.TEXT, List.of(), true),
			new AttributeDefinition("membreDepuis", "Membre depuis", AttributeType.DATE, List.of(), true));

	private final MongoTemplate mongo;

	MongoAttributeDefinitions(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public List<AttributeDefinition> all() {
		Map<String, AttributeDefinition> byName = new LinkedHashMap<>();
		BUILT_IN.forEach(definition -> byName.put(definition.name(), definition));
		List<AttributeDefinition> custom = new ArrayList<>();
		for (Document stored : this.mongo.findAll(Document.class, COLLECTION)) {
			AttributeDefinition definition = fromDocument(stored);
			if (byName.containsKey(definition.name())) {
				byName.put(definition.name(), definition);
			}
			else {
				custom.add(definition);
			}
		}
		custom.sort(Comparator.comparing(AttributeDefinition::name));
		List<AttributeDefinition> all = new ArrayList<>(byName.values());
		all.addAll(custom);
		return List.copyOf(all);
	}

	@Override
	public Optional<AttributeDefinition> find(String name) {
		Document stored = this.mongo.findById(KEY_PREFIX + name, Document.class, COLLECTION);
		if (stored != null) {
			return Optional.of(fromDocument(stored));
		}
		return BUILT_IN.stream().filter(definition -> definition.name().equals(name)).findFirst();
	}

	@Override
	public AttributeDefinition save(AttributeDefinition definition) {
		Optional<AttributeDefinition> builtIn = BUILT_IN.stream()
			.filter(known -> known.name().equals(definition.name()))
			.findFirst();
		if (builtIn.isPresent() && builtIn.get().type() != definition.type()) {
			throw new IllegalArgumentException("Le type d’un attribut prédéfini ne change pas : " + definition.name());
		}
		var saved = new AttributeDefinition(definition.name(), definition.label(), definition.type(),
				definition.choices(), builtIn.isPresent());
		var document = new Document("_id", KEY_PREFIX + saved.name()).append("name", saved.name())
			.append("label", saved.label())
			.append("type", saved.type().name())
			.append("choices", saved.choices())
			.append("builtIn", saved.builtIn());
		this.mongo.getCollection(COLLECTION)
			.replaceOne(new Document("_id", document.get("_id")), document,
					new ReplaceOptions().upsert(true));
		return saved;
	}

	/**
	 * A built-in definition not stored yet is stored as it is first (an upsert that only sets fields on
	 * insert), then the values are added to the stored list ({@code $addToSet}).
	 */
	@Override
	public AttributeDefinition addChoices(String name, Collection<String> values) {
		AttributeDefinition definition = find(name)
			.orElseThrow(() -> new IllegalArgumentException("Attribut inconnu : « " + name + " »"));
		if (definition.type() != AttributeType.CHOICE) {
			throw new IllegalArgumentException("« " + definition.label() + " » n’est pas un attribut à choix");
		}
		var key = new Document("_id", KEY_PREFIX + name);
		var collection = this.mongo.getCollection(COLLECTION);
		collection.updateOne(key,
				Updates.combine(Updates.setOnInsert("name", definition.name()),
						Updates.setOnInsert("label", definition.label()),
						Updates.setOnInsert("type", definition.type().name()),
						Updates.setOnInsert("choices", definition.choices()),
						Updates.setOnInsert("builtIn", definition.builtIn())),
				new UpdateOptions().upsert(true));
		collection.updateOne(key, Updates.addEachToSet("choices", List.copyOf(values)));
		return find(name).orElseThrow();
	}

	private static AttributeDefinition fromDocument(Document stored) {
		return new AttributeDefinition(stored.getString("name"), stored.getString("label"),
				AttributeType.valueOf(stored.getString("type")), stored.getList("choices", String.class),
				stored.getBoolean("builtIn", false));
	}

}
