package io.infolettre.newsletter.rendering;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One block of an issue's content: its type ({@code heading}, {@code text}, {@code image}…, see
 * {@link BlockType}), its fields as the coordinator wrote them (text fields may hold merge fields
 * written as FreeMarker interpolations, {@code ${firstName!'Membre'}}), and, for {@code columns}
 * only, the blocks of the left and right columns. Made valid by {@link Blocks#fromJson}; a block
 * read back from storage is taken as it was saved.
 *
 * @param type the JSON name of its {@link BlockType}
 * @param fields the block's fields but {@code type}, {@code left} and {@code right}; values are text
 * ({@code level} is {@code "2"} or {@code "3"})
 * @param left the left column of a {@code columns} block, empty for any other
 * @param right the right column of a {@code columns} block, empty for any other
 */
public record Block(String type, Map<String, String> fields, List<Block> left, List<Block> right) {

	public Block {
		type = type == null ? "" : type;
		fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
		left = left == null ? List.of() : List.copyOf(left);
		right = right == null ? List.of() : List.copyOf(right);
	}

	/** A block without columns. */
	public Block(String type, Map<String, String> fields) {
		this(type, fields, List.of(), List.of());
	}

	/** The whole Markdown body of an issue written before blocks, as one block. */
	public static Block markdown(String body) {
		return new Block(BlockType.MARKDOWN.jsonName(), Map.of("body", body == null ? "" : body));
	}

	/** Two columns side by side (on a narrow screen, one above the other). */
	public static Block columns(List<Block> left, List<Block> right) {
		return new Block(BlockType.COLUMNS.jsonName(), Map.of(), left, right);
	}

	/** The value of a field, {@code ""} when it has none. */
	public String field(String name) {
		String value = this.fields.get(name);
		return value == null ? "" : value;
	}

	/** Its type, or empty when the type is unknown (a block saved by a later version, say). */
	public java.util.Optional<BlockType> kind() {
		return BlockType.named(this.type);
	}

	public boolean isMarkdown() {
		return BlockType.MARKDOWN.jsonName().equals(this.type);
	}

}
