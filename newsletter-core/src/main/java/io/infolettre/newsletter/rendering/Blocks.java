package io.infolettre.newsletter.rendering;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.infolettre.newsletter.rendering.BlockType.Field;
import io.infolettre.newsletter.rendering.internal.BlockFields;

/**
 * Blocks to and from their JSON (flat objects with a {@code type}, as the API, the editor and the
 * storage write them), checked on the way in: an unknown type, a missing required field, an address
 * that is not http, https or mailto, a date that is not one, a column inside a column are refused
 * with the block's position and the field; rich text is sanitised as the Markdown body is.
 */
public final class Blocks {

	/** Blocks in one variant, counting those in columns: far more than any newsletter has. */
	public static final int MAX_BLOCKS = 200;

	private static final int MAX_PLAIN = 2_000;

	private static final int MAX_LONG = 200_000;

	private static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern URL_SCHEME = Pattern.compile("(?i)(https?|mailto):.*", Pattern.DOTALL);

	private Blocks() {
	}

	/**
	 * The blocks of this JSON, checked and cleaned (text trimmed, rich text sanitised, unknown fields
	 * dropped).
	 * @param json the {@code blocks} array; {@code null} is none
	 * @throws BlockProblem the first block or field refused
	 */
	public static List<Block> fromJson(List<? extends Map<String, ?>> json) {
		if (json == null) {
			return List.of();
		}
		var count = new int[1];
		return blocks(json, null, null, count);
	}

	/** The JSON of these blocks, as {@link #fromJson} reads it. */
	public static List<Map<String, Object>> toJson(List<Block> blocks) {
		var json = new ArrayList<Map<String, Object>>();
		for (Block block : blocks == null ? List.<Block>of() : blocks) {
			json.add(toJson(block));
		}
		return json;
	}

	/** The JSON object of one block: {@code type} first, then its fields in their order. */
	public static Map<String, Object> toJson(Block block) {
		var json = new LinkedHashMap<String, Object>();
		json.put("type", block.type());
		Optional<BlockType> kind = block.kind();
		if (kind.isPresent()) {
			for (Field field : kind.get().fields()) {
				String value = block.fields().get(field.name());
				if (value != null) {
					json.put(field.name(), field.kind() == Field.Kind.LEVEL ? level(value) : value);
				}
			}
		}
		else {
			json.putAll(block.fields());
		}
		if (kind.orElse(null) == BlockType.COLUMNS) {
			json.put("left", toJson(block.left()));
			json.put("right", toJson(block.right()));
		}
		return json;
	}

	/**
	 * Checks blocks made in Java (or read back) as {@link #fromJson} checks JSON.
	 * @throws BlockProblem the first block or field refused
	 */
	public static void check(List<Block> blocks) {
		fromJson(toJson(blocks));
	}

	/** The media library images the blocks show, columns included, each once, in their order. */
	public static List<String> mediaIds(List<Block> blocks) {
		var ids = new LinkedHashSet<String>();
		collectMediaIds(blocks == null ? List.of() : blocks, ids);
		return List.copyOf(ids);
	}

	/** The number of blocks, those in columns included (a columns block counts too). */
	public static int count(List<Block> blocks) {
		int n = 0;
		for (Block block : blocks == null ? List.<Block>of() : blocks) {
			n += 1 + count(block.left()) + count(block.right());
		}
		return n;
	}

	private static void collectMediaIds(List<Block> blocks, LinkedHashSet<String> ids) {
		for (Block block : blocks) {
			if (BlockType.IMAGE.jsonName().equals(block.type()) && !block.field("mediaId").isBlank()) {
				ids.add(block.field("mediaId"));
			}
			collectMediaIds(block.left(), ids);
			collectMediaIds(block.right(), ids);
		}
	}

	private static List<Block> blocks(List<?> json, Position parent, String column, int[] count) {
		var blocks = new ArrayList<Block>();
		for (int i = 0; i < json.size(); i++) {
			var at = new Position(parent, column, i + 1);
			if (++count[0] > MAX_BLOCKS) {
				throw at.problemOf(null, null, "trop de blocs, " + MAX_BLOCKS + " au plus (colonnes comprises).");
			}
			blocks.add(block(json.get(i), at, count));
		}
		return blocks;
	}

	private static Block block(Object json, Position at, int[] count) {
		if (!(json instanceof Map<?, ?> map)) {
			throw at.problemOf(null, null, "un objet JSON est attendu, avec son type (« type »).");
		}
		Object typeValue = map.get("type");
		if (!(typeValue instanceof String typeName) || typeName.isBlank()) {
			throw at.problemOf(null, "type", "le type du bloc (« type ») manque ; types possibles : "
					+ BlockType.names() + ".");
		}
		BlockType type = BlockType.named(typeName.strip())
			.orElseThrow(() -> at.problemOf(null, "type", "type de bloc inconnu « " + typeName.strip()
					+ " » ; types possibles : " + BlockType.names() + "."));
		var fields = new LinkedHashMap<String, String>();
		for (Field field : type.fields()) {
			String value = value(map.get(field.name()), type, field, at);
			if (value.isEmpty()) {
				if (field.required()) {
					throw at.problem(type, field, "obligatoire.");
				}
				continue;
			}
			fields.put(field.name(), value);
		}
		if (type == BlockType.HEADING) {
			fields.putIfAbsent("level", "2");
		}
		if (type == BlockType.EVENT && fields.containsKey("endsAt")
				&& LocalDateTime.parse(fields.get("endsAt")).isBefore(LocalDateTime.parse(fields.get("startsAt")))) {
			throw at.problem(type, type.fields().get(2), "la fin précède le début.");
		}
		if (type != BlockType.COLUMNS) {
			return new Block(type.jsonName(), fields);
		}
		if (at.parent != null) {
			throw at.problemOf(type, null, "une colonne ne peut pas contenir d'autres colonnes.");
		}
		return new Block(type.jsonName(), fields, column(map.get("left"), at, "left", count),
				column(map.get("right"), at, "right", count));
	}

	private static List<Block> column(Object json, Position at, String side, int[] count) {
		if (json == null) {
			return List.of();
		}
		if (!(json instanceof List<?> list)) {
			throw at.problem(BlockType.COLUMNS,
					new Field(side, Position.columnName(side), Field.Kind.PLAIN, false), "une liste de blocs est attendue.");
		}
		return blocks(list, at, side, count);
	}

	/** The field's value, checked and cleaned; {@code ""} when absent or blank. */
	private static String value(Object json, BlockType type, Field field, Position at) {
		if (json == null) {
			return "";
		}
		String text;
		if (json instanceof String s) {
			text = s.replace("\r\n", "\n").replace('\r', '\n');
		}
		else if (json instanceof Number n && field.kind() == Field.Kind.LEVEL) {
			text = n.toString();
		}
		else {
			throw at.problem(type, field, "du texte est attendu.");
		}
		int max = switch (field.kind()) {
			case HTML, MARKDOWN -> MAX_LONG;
			default -> MAX_PLAIN;
		};
		if (text.length() > max) {
			throw at.problem(type, field, "trop long, " + max + " caractères au plus.");
		}
		return switch (field.kind()) {
			case PLAIN -> text.strip();
			case MARKDOWN -> text.isBlank() ? "" : text;
			case HTML -> {
				String clean = BlockFields.sanitizeHtml(text);
				yield BlockFields.isBlankHtml(clean) ? "" : clean;
			}
			case URL -> url(text.strip(), type, field, at);
			case DATE_TIME -> dateTime(text.strip(), type, field, at);
			case LEVEL -> level(text.strip(), type, field, at);
			case MEDIA -> {
				String id = text.strip();
				if (!id.isEmpty() && !MEDIA_ID.matcher(id).matches()) {
					throw at.problem(type, field, "« " + id + " » n'est pas l'identifiant d'une image de la médiathèque.");
				}
				yield id;
			}
		};
	}

	private static String url(String url, BlockType type, Field field, Position at) {
		if (url.isEmpty()) {
			return url;
		}
		// a merge field may stand in the address (…?courriel=${email}): checked with a plain word instead
		String checked = BlockFields.withoutMergeFields(url, "x");
		boolean valid;
		try {
			URI uri = new URI(checked);
			valid = URL_SCHEME.matcher(checked).matches()
					&& (uri.getScheme().toLowerCase(Locale.ROOT).equals("mailto")
							? uri.getSchemeSpecificPart().contains("@")
							: uri.getHost() != null && !uri.getHost().isBlank());
		}
		catch (URISyntaxException ex) {
			valid = false;
		}
		if (!valid) {
			throw at.problem(type, field, "« " + url + " » n'est pas une adresse complète en http://, https:// ou mailto:.");
		}
		return url;
	}

	private static String dateTime(String value, BlockType type, Field field, Position at) {
		if (value.isEmpty()) {
			return value;
		}
		try {
			LocalDateTime parsed = LocalDateTime.parse(value);
			// stored to the minute: the seconds of a form field mean nothing in a newsletter
			return parsed.withSecond(0).withNano(0).toString();
		}
		catch (DateTimeParseException ex) {
			throw at.problem(type, field,
					"« " + value + " » n'est pas une date et une heure comme 2027-01-21T17:00 (heure du Québec).");
		}
	}

	private static String level(String value, BlockType type, Field field, Position at) {
		if (value.isEmpty()) {
			return value;
		}
		if (!value.equals("2") && !value.equals("3")) {
			throw at.problem(type, field, "2 ou 3, pas « " + value + " ».");
		}
		return value;
	}

	private static Object level(String value) {
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			return value;
		}
	}

	/** Where a block is: its number from 1, within a column of a block or at the top. */
	private record Position(Position parent, String column, int number) {

		static String columnName(String side) {
			return "left".equals(side) ? "colonne de gauche" : "colonne de droite";
		}

		String label() {
			String here = "bloc " + this.number;
			return this.parent == null ? here : this.parent.label() + ", " + columnName(this.column) + ", " + here;
		}

		String path() {
			String here = String.valueOf(this.number);
			return this.parent == null ? here : this.parent.path() + "." + this.column + "." + here;
		}

		BlockProblem problem(BlockType type, Field field, String reason) {
			return problem(type, field.name(), field.label(), reason);
		}

		/** @param field the JSON name of the field at fault, or {@code null} */
		BlockProblem problemOf(BlockType type, String field, String reason) {
			return problem(type, field, null, reason);
		}

		/** « Bloc 3 (image), champ « texte de remplacement » (alt) : obligatoire. » */
		private BlockProblem problem(BlockType type, String field, String fieldLabel, String reason) {
			String label = label();
			var message = new StringBuilder(Character.toUpperCase(label.charAt(0)) + label.substring(1));
			if (type != null) {
				message.append(" (").append(type.frenchName()).append(')');
			}
			if (fieldLabel != null) {
				message.append(", champ « ").append(fieldLabel).append(" » (").append(field).append(')');
			}
			message.append(" : ").append(reason);
			return new BlockProblem(message.toString(), label, path(), field);
		}

	}

}
