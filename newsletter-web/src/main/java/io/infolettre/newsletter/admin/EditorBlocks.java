package io.infolettre.newsletter.admin;

import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.rendering.Blocks;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The blocks of a variant as the editor's hidden field carries them: the JSON array of the contract
 * ({@code docs/blocks.md}), read with the checks of {@link Blocks#fromJson} and written back as
 * {@link Blocks#toJson} writes it.
 */
final class EditorBlocks {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Map<String, Object>>> ARRAY = new TypeReference<>() {
	};

	private EditorBlocks() {
	}

	/**
	 * @param json the field's value; blank is no block
	 * @throws io.infolettre.newsletter.rendering.BlockProblem the first block or field refused
	 * @throws IllegalArgumentException when the field is not a JSON array of objects
	 */
	static List<Block> read(String json) {
		if (json == null || json.isBlank()) {
			return List.of();
		}
		List<Map<String, Object>> array;
		try {
			array = JSON.readValue(json, ARRAY);
		}
		catch (JacksonException ex) {
			// only a broken page sends this: the editor writes the field itself
			throw new IllegalArgumentException("Les blocs envoyés sont illisibles ; rechargez la page.", ex);
		}
		return Blocks.fromJson(array);
	}

	/** The JSON the editor opens: {@code []} for no block. */
	static String write(List<Block> blocks) {
		return JSON.writeValueAsString(Blocks.toJson(blocks));
	}

}
