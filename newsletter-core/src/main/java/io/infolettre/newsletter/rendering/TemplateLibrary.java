package io.infolettre.newsletter.rendering;

import java.util.List;

/**
 * The layouts the coordinator can choose: those dropped in the templates folder, those uploaded
 * (kept in the database, so every application node sees them) and the ones built into the
 * application. An uploaded layout is checked before it is kept.
 */
public interface TemplateLibrary {

	/** Every layout, by name, with where it comes from, its languages and what prevents its use. */
	List<TemplateSummary> templates();

	/**
	 * Checks and keeps one language of a layout: both parts must parse, use only known variables and
	 * render for the sample recipient, with the unsubscribe link.
	 * @throws TemplateRejected with every problem found, each with its file, line and column
	 */
	TemplateSummary save(TemplateUpload upload);

	/**
	 * The layout rendered with sample content (every kind of content block) for the sample recipient.
	 * @throws TemplateProblem when it cannot be rendered
	 */
	RenderedMessage preview(String name, String language);

}
