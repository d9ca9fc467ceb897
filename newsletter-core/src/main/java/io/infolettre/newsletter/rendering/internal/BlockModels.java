package io.infolettre.newsletter.rendering.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.TemplateModelException;
import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.rendering.BlockImage;
import io.infolettre.newsletter.rendering.BlockType;
import io.infolettre.newsletter.rendering.BlockType.Field;
import io.infolettre.newsletter.rendering.TemplateProblem;

/**
 * The blocks as the block templates see them ({@code _blocs.html.ftlh}, {@code _blocs.txt.ftl}): one
 * map per block with its type and fields. Each merge field in a value is replaced by a placeholder
 * that the templates escape as plain words, and restored as a FreeMarker interpolation in what they
 * write ({@link Interpolations}); anything else that looks like FreeMarker stays text. Rich text is
 * sanitised again and given as markup ({@code html}) and as text ({@code plain}); an event's date
 * is written out ({@code when}); an image gets its email variant and its size where it stands.
 */
final class BlockModels {

	/** The width of the narrowest layout body (« annonce »: 600 px less its margins). */
	static final int BODY_WIDTH = 520;

	/** The width of one of two columns, less the gap between them. */
	static final int COLUMN_WIDTH = 248;

	private final Interpolations interpolations;

	private final String language;

	private final Map<String, BlockImage> images;

	private final BodyRenderer markdown;

	BlockModels(Interpolations interpolations, String language, Map<String, BlockImage> images,
			BrandingSettings brand) {
		this.interpolations = interpolations;
		this.language = "en".equals(language) ? "en" : "fr";
		this.images = images;
		this.markdown = new BodyRenderer(this.language, brand);
	}

	/**
	 * @throws TemplateProblem a merge field refused or that does not parse, or a Markdown block whose
	 * fences do not close, named by the block and the field
	 */
	List<Map<String, Object>> of(List<Block> blocks) {
		return of(blocks, null, false);
	}

	private List<Map<String, Object>> of(List<Block> blocks, String parent, boolean nested) {
		var models = new ArrayList<Map<String, Object>>();
		for (int i = 0; i < blocks.size(); i++) {
			String position = parent == null ? "Bloc " + (i + 1) : parent + ", bloc " + (i + 1);
			models.add(model(blocks.get(i), position, nested, parent == null && blocks.size() == 1));
		}
		return models;
	}

	private Map<String, Object> model(Block block, String position, boolean nested, boolean alone) {
		var model = new HashMap<String, Object>();
		model.put("type", block.type());
		BlockType type = block.kind().orElse(null);
		if (type == null) {
			return model;
		}
		for (Field field : type.fields()) {
			String value = block.field(field.name());
			if (value.isEmpty() && field.kind() != Field.Kind.MARKDOWN) {
				continue;
			}
			String part = position + ", champ « " + field.label() + " » (" + field.name() + ")";
			switch (field.kind()) {
				case PLAIN, URL -> {
					MergeFields.check(value, part, true);
					model.put(field.name(), text(value));
				}
				case HTML -> {
					MergeFields.check(value, part, true);
					String html = reprotect(ContentPolicy.sanitize(this.interpolations.protect(value)));
					model.put(field.name(), markup(html));
					model.put("plain", neutral(RichTextAsPlain.of(html)));
				}
				case LEVEL -> model.put(field.name(), "3".equals(value) ? 3 : 2);
				case DATE_TIME, MEDIA -> model.put(field.name(), value);
				case MARKDOWN -> markdown(value, alone ? BodySections.PART : position + " (Markdown)", model);
			}
		}
		switch (type) {
			case EVENT -> {
				model.put("when", EventDates.format(LocalDateTime.parse(block.field("startsAt")),
						block.field("endsAt").isEmpty() ? null : LocalDateTime.parse(block.field("endsAt")),
						this.language));
				model.putIfAbsent("label", label("S’inscrire", "Register"));
			}
			case TRAINING -> model.putIfAbsent("label", label("En savoir plus", "Learn more"));
			case SURVEY -> model.putIfAbsent("label", label("Répondre au sondage", "Take the survey"));
			case IMAGE -> image(block.field("mediaId"), nested ? COLUMN_WIDTH : BODY_WIDTH, model);
			case COLUMNS -> {
				model.put("left", of(block.left(), position + ", colonne de gauche", true));
				model.put("right", of(block.right(), position + ", colonne de droite", true));
			}
			default -> {
			}
		}
		return model;
	}

	private void markdown(String body, String part, Map<String, Object> model) {
		String html;
		String text;
		try {
			text = this.markdown.text(body);
			html = this.markdown.html(body);
		}
		catch (TemplateProblem problem) {
			throw new TemplateProblem(part, problem.getLine(), problem.getColumn(), problem.getDetail(), problem);
		}
		// exactly what the Markdown body compiled to before blocks: its merge fields only protected
		model.put("html", markup(this.interpolations.protect(html)));
		model.put("text", this.interpolations.protect(text));
	}

	/** An image of the library at the width where it stands, or none when it is not in the library. */
	private void image(String mediaId, int room, Map<String, Object> model) {
		BlockImage image = this.images.get(mediaId);
		if (image == null || image.width() <= 0 || image.height() <= 0) {
			return;
		}
		int width = Math.min(room, image.width());
		int height = (int) Math.round((double) image.height() * width / image.width());
		model.put("image", Map.of("src", image.url(), "srcset", image.retinaUrl() + " 2x", "width", width,
				"height", Math.max(1, height)));
	}

	private String label(String french, String english) {
		return "en".equals(this.language) ? english : french;
	}

	/** Plain text of a field: its merge fields protected, the rest made text. */
	private String text(String value) {
		return neutral(this.interpolations.protect(value));
	}

	// the sanitiser leaves a lone "${" as it is: it must stay text
	private String reprotect(String html) {
		return html.replace("${", this.interpolations.literal("${"));
	}

	/** What FreeMarker would read as an instruction or an interpolation, written as text instead. */
	private String neutral(String text) {
		String out = text;
		for (String sequence : new String[] { "</#", "</@", "<#", "<@", "${" }) {
			if (out.contains(sequence)) {
				out = out.replace(sequence, this.interpolations.literal(sequence));
			}
		}
		return out;
	}

	private static TemplateMarkupOutputModel<?> markup(String html) {
		try {
			return HTMLOutputFormat.INSTANCE.fromMarkup(html);
		}
		catch (TemplateModelException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
