package io.infolettre.newsletter.rendering;

import java.util.List;
import java.util.Map;

/**
 * What is rendered: a template name, the coordinator's subject and preheader, and the content, as
 * blocks or, written before blocks, as a Markdown body.
 *
 * @param body the Markdown body, rendered when there are no blocks
 * @param blocks the content; when present, the body is not read
 * @param images the media library images the blocks show, by media id; an id missing here renders
 * no image (the preflight reports it)
 */
public record MessageDraft(String template, String title, String subject, String preheader, String body,
		String language, List<Block> blocks, Map<String, BlockImage> images) {

	public MessageDraft {
		blocks = blocks == null ? List.of() : List.copyOf(blocks);
		images = images == null ? Map.of() : Map.copyOf(images);
	}

	/** A draft written in Markdown, as before blocks. */
	public MessageDraft(String template, String title, String subject, String preheader, String body,
			String language) {
		this(template, title, subject, preheader, body, language, List.of(), Map.of());
	}

}
