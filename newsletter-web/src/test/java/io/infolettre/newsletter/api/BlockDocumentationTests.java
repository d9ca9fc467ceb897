package io.infolettre.newsletter.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.infolettre.newsletter.rendering.BlockType;
import io.infolettre.newsletter.rendering.Blocks;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The examples of docs/blocks.md and of the OpenAPI document are valid blocks, one per type at least. */
class BlockDocumentationTests {

	private static final Pattern JSON = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyBlockOfTheGuideIsValidAndEveryTypeHasOne() throws IOException {
		String guide = Files.readString(Path.of("..", "docs", "blocks.md"));
		var types = EnumSet.noneOf(BlockType.class);
		Matcher m = JSON.matcher(guide);
		while (m.find()) {
			Map<String, Object> example = this.json.readValue(m.group(1), new TypeReference<Map<String, Object>>() {
			});
			List<Map<String, Object>> blocks = new ArrayList<>();
			if (example.containsKey("type") && !example.containsKey("status")) {
				blocks.add(example);
			}
			else if (example.get("variants") instanceof Map<?, ?> variants) {
				variants.values().forEach(variant -> blocks.addAll(blocksOf(variant)));
			}
			Blocks.fromJson(blocks).forEach(block -> types.add(block.kind().orElseThrow()));
		}
		assertThat(types).containsExactlyInAnyOrder(BlockType.values());
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> blocksOf(Object variant) {
		return (List<Map<String, Object>>) ((Map<String, Object>) variant).get("blocks");
	}

	@Test
	void theApiExamplesAreValidAsWritten() {
		BlockExamples.all().forEach((type, example) -> {
			var block = Blocks.fromJson(List.of(example)).get(0);
			assertThat(block.kind()).contains(type);
			assertThat(Blocks.toJson(block)).as(type.jsonName()).isEqualTo(example);
		});
	}

}
