package io.infolettre.newsletter.api;

import io.infolettre.newsletter.rendering.BlockType;
import io.infolettre.newsletter.rendering.BlockType.Field;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.AdminSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes each block type, its required fields and an example. */
class BlockDocumentationIntegrationTests extends AbstractIntegrationTests {

	@Test
	void eachBlockTypeIsDescribedWithAnExampleAndIsWhatAVariantHolds() {
		JsonNode document = JsonMapper.builder().build().readTree(AdminSession.login(this.port).get("/v3/api-docs").body());
		JsonNode schemas = document.get("components").get("schemas");
		assertThat(schemas.get("Bloc").get("oneOf").size()).isEqualTo(BlockType.values().length);
		for (BlockType type : BlockType.values()) {
			JsonNode schema = schemas.get("Bloc." + type.jsonName());
			assertThat(schema).as(type.jsonName()).isNotNull();
			assertThat(schema.get("examples").get(0).get("type").asString()).isEqualTo(type.jsonName());
			var required = schema.get("required").valueStream().map(JsonNode::asString).toList();
			for (Field field : type.fields()) {
				assertThat(schema.get("properties").has(field.name())).as(type + "." + field.name()).isTrue();
				assertThat(required.contains(field.name())).as(type + "." + field.name()).isEqualTo(field.required());
			}
		}
		assertThat(schemas.get("VariantRequest").get("properties").get("blocks").get("items").get("$ref").asString())
			.isEqualTo("#/components/schemas/Bloc");
		assertThat(document.get("paths").has("/api/v1/saved-blocks")).isTrue();
	}

}
