package io.infolettre.newsletter.rendering;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.infolettre.newsletter.rendering.BlockType.Field.Kind;

/**
 * The kinds of block and their fields: which are required, which optional, and what each holds.
 * Names are those of the JSON ({@code "type": "heading"}); French names are for messages.
 */
public enum BlockType {

	HEADING("heading", "intertitre", Field.required("text", "texte", Kind.PLAIN), Field.optional("level", "niveau", Kind.LEVEL)),

	TEXT("text", "texte", Field.required("html", "texte", Kind.HTML)),

	IMAGE("image", "image", Field.required("mediaId", "image", Kind.MEDIA),
			Field.required("alt", "texte de remplacement", Kind.PLAIN), Field.optional("link", "lien", Kind.URL),
			Field.optional("caption", "légende", Kind.PLAIN)),

	BUTTON("button", "bouton", Field.required("label", "libellé", Kind.PLAIN), Field.required("url", "adresse", Kind.URL)),

	DIVIDER("divider", "séparateur"),

	/** Two columns of blocks, {@code left} and {@code right}; a column holds no columns. */
	COLUMNS("columns", "deux colonnes"),

	EVENT("event", "événement", Field.required("title", "titre", Kind.PLAIN),
			Field.required("startsAt", "début", Kind.DATE_TIME), Field.optional("endsAt", "fin", Kind.DATE_TIME),
			Field.optional("place", "lieu", Kind.PLAIN), Field.optional("price", "prix", Kind.PLAIN),
			Field.optional("html", "description", Kind.HTML), Field.optional("url", "lien d’inscription", Kind.URL),
			Field.optional("label", "libellé du bouton", Kind.PLAIN)),

	TRAINING("training", "formation", Field.required("title", "titre", Kind.PLAIN),
			Field.optional("when", "dates", Kind.PLAIN), Field.optional("duration", "durée", Kind.PLAIN),
			Field.optional("html", "description", Kind.HTML), Field.optional("url", "lien", Kind.URL),
			Field.optional("label", "libellé du bouton", Kind.PLAIN)),

	NEWS("news", "nouvelles des membres", Field.optional("title", "titre", Kind.PLAIN),
			Field.required("html", "texte", Kind.HTML)),

	SURVEY("survey", "sondage", Field.required("title", "titre", Kind.PLAIN),
			Field.optional("question", "question", Kind.PLAIN), Field.required("url", "adresse du sondage", Kind.URL),
			Field.optional("label", "libellé du bouton", Kind.PLAIN)),

	/** Markdown with {@code :::evenement} fences, as the whole body was written before blocks. */
	MARKDOWN("markdown", "Markdown", Field.required("body", "Markdown", Kind.MARKDOWN));

	/**
	 * One field of a block.
	 *
	 * @param name its JSON name
	 * @param label its French name, for messages
	 */
	public record Field(String name, String label, Kind kind, boolean required) {

		/** What a field holds, and so how it is checked and rendered. */
		public enum Kind {

			/** Plain text on one line or a few; may hold merge fields; escaped when rendered. */
			PLAIN,

			/** Rich text (paragraphs, bold, italic, links, lists), sanitised; may hold merge fields. */
			HTML,

			/** An http, https or mailto address. */
			URL,

			/** A Quebec local date and time, {@code 2027-01-21T17:00}. */
			DATE_TIME,

			/** A heading level, 2 or 3. */
			LEVEL,

			/** The id of an image of the media library. */
			MEDIA,

			/** Markdown with content-block fences, as the body was before blocks. */
			MARKDOWN

		}

		static Field required(String name, String label, Kind kind) {
			return new Field(name, label, kind, true);
		}

		static Field optional(String name, String label, Kind kind) {
			return new Field(name, label, kind, false);
		}

	}

	private final String jsonName;

	private final String frenchName;

	private final List<Field> fields;

	BlockType(String jsonName, String frenchName, Field... fields) {
		this.jsonName = jsonName;
		this.frenchName = frenchName;
		this.fields = List.of(fields);
	}

	/** {@code heading}, {@code text}…: the {@code type} of the JSON. */
	public String jsonName() {
		return this.jsonName;
	}

	/** « intertitre », « bouton »…: for messages. */
	public String frenchName() {
		return this.frenchName;
	}

	/** Its fields but {@code type} (and the columns' {@code left} and {@code right}), in the editor's order. */
	public List<Field> fields() {
		return this.fields;
	}

	public static Optional<BlockType> named(String jsonName) {
		return Arrays.stream(values()).filter(t -> t.jsonName.equals(jsonName)).findFirst();
	}

	/** The JSON names, for a message listing them. */
	public static String names() {
		return Arrays.stream(values()).map(BlockType::jsonName).collect(Collectors.joining(", "));
	}

}
