package io.infolettre.newsletter.api;

import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.rendering.BlockType;
import io.infolettre.newsletter.rendering.BlockType.Field;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The blocks in the OpenAPI document: a schema per block type ({@code Bloc.heading}…) with its
 * fields, the required ones, and an example, all of them the {@code Bloc} that a variant's
 * {@code blocks} and a saved block hold (docs/blocks.md says the same in prose). Made from
 * {@link BlockType}, so that a field added there is documented here.
 */
@Configuration(proxyBeanMethods = false)
class BlockSchemas {

	static final String BLOCK = "Bloc";

	private static final String REF = "#/components/schemas/";

	@Bean
	OpenApiCustomizer blockSchemaDescriptions() {
		return openApi -> {
			var oneOf = new ArrayList<Schema>();
			var discriminator = new Discriminator().propertyName("type");
			for (BlockType type : BlockType.values()) {
				String name = BLOCK + "." + type.jsonName();
				openApi.getComponents().addSchemas(name, schema(type));
				oneOf.add(new Schema<>().$ref(REF + name));
				discriminator.mapping(type.jsonName(), REF + name);
			}
			Schema<Object> block = new Schema<>();
			block.setOneOf(oneOf);
			block.discriminator(discriminator)
				.description("Un bloc du contenu, selon son type (docs/blocks.md). / One content block, by its type.");
			openApi.getComponents().addSchemas(BLOCK, block);
			var blocks = new ArraySchema().items(new Schema<>().$ref(REF + BLOCK))
				.description("Le contenu en blocs ; sans blocs, « body » donne un bloc Markdown. / The content as blocks.");
			Schema<?> variant = openApi.getComponents().getSchemas().get("VariantRequest");
			if (variant != null && variant.getProperties() != null) {
				variant.getProperties().put("blocks", blocks);
			}
			for (String saved : List.of("SavedBlockRequest", "SavedBlockResource")) {
				Schema<?> schema = openApi.getComponents().getSchemas().get(saved);
				if (schema != null && schema.getProperties() != null) {
					schema.getProperties().put("block", new Schema<>().$ref(REF + BLOCK));
				}
			}
		};
	}

	private static Schema<?> schema(BlockType type) {
		var schema = new ObjectSchema();
		schema.description("« " + type.frenchName() + " »");
		schema.addProperty("type", new StringSchema()._enum(List.of(type.jsonName())));
		var required = new ArrayList<String>(List.of("type"));
		for (Field field : type.fields()) {
			schema.addProperty(field.name(), property(field));
			if (field.required()) {
				required.add(field.name());
			}
		}
		if (type == BlockType.COLUMNS) {
			for (String side : List.of("left", "right")) {
				schema.addProperty(side, new ArraySchema().items(new Schema<>().$ref(REF + BLOCK))
					.description("left".equals(side) ? "Colonne de gauche, sans colonnes" : "Colonne de droite, sans colonnes"));
			}
		}
		schema.setRequired(required);
		// OpenAPI 3.1's "examples": springdoc writes an object "example" as its toString()
		schema.setExamples(List.of(BlockExamples.of(type)));
		return schema;
	}

	private static Schema<?> property(Field field) {
		return switch (field.kind()) {
			case LEVEL -> new IntegerSchema()._enum(List.of(2, 3))._default(2).description(field.label());
			case DATE_TIME -> new StringSchema().pattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")
				.description(field.label() + " (heure du Québec / Quebec time)");
			case URL -> new StringSchema().description(field.label() + " (http, https, mailto)");
			case HTML -> new StringSchema().description(field.label() + " (HTML, nettoyé / sanitised)");
			default -> new StringSchema().description(field.label());
		};
	}

}
