package io.infolettre.newsletter.rendering.internal;

import java.util.List;

import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.rendering.BlockType;
import io.infolettre.newsletter.rendering.BlockType.Field;
import io.infolettre.newsletter.rendering.TemplateProblem;

/**
 * What is refused in blocks when an issue is saved, without rendering them: the merge fields of every
 * text field, by the rules of the body; a Markdown block as the Markdown body was.
 */
final class BlockChecks {

	private BlockChecks() {
	}

	/** @throws TemplateProblem the first merge field refused, named by its block and field */
	static void checkSafe(List<Block> blocks, String language, BrandingSettings brand) {
		checkSafe(blocks, null, language, brand);
	}

	private static void checkSafe(List<Block> blocks, String parent, String language, BrandingSettings brand) {
		for (int i = 0; i < blocks.size(); i++) {
			Block block = blocks.get(i);
			String position = parent == null ? "Bloc " + (i + 1) : parent + ", bloc " + (i + 1);
			BlockType type = block.kind().orElse(null);
			if (type == null) {
				continue;
			}
			for (Field field : type.fields()) {
				String value = block.field(field.name());
				switch (field.kind()) {
					case PLAIN, URL, HTML -> MergeFields.check(value, position + ", champ « " + field.label() + " » ("
							+ field.name() + ")", false);
					case MARKDOWN -> markdown(value, parent == null && blocks.size() == 1 ? BodySections.PART
							: position + " (Markdown)", language, brand);
					default -> {
					}
				}
			}
			checkSafe(block.left(), position + ", colonne de gauche", language, brand);
			checkSafe(block.right(), position + ", colonne de droite", language, brand);
		}
	}

	/** As the Markdown body is checked: its text and its HTML as a whole. */
	private static void markdown(String body, String part, String language, BrandingSettings brand) {
		String text;
		String html;
		try {
			var renderer = new BodyRenderer(language, brand);
			text = renderer.text(body);
			html = renderer.html(body);
		}
		catch (TemplateProblem ex) {
			// a block that cannot be laid out renders nothing: the preview and the preflight say why
			return;
		}
		FreeMarkerIssueRenderer.checkSafe(TemplateSandbox.inline(false), part, text);
		FreeMarkerIssueRenderer.checkSafe(TemplateSandbox.inline(true), part, html);
	}

}
