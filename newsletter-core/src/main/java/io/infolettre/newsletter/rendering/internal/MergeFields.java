package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;

import freemarker.core.ParseException;
import freemarker.template.Template;
import io.infolettre.newsletter.rendering.TemplateProblem;

/**
 * Checks the merge fields ({@code ${firstName!'Membre'}}) of one field of a block by the rules of
 * the body ({@link TemplateGuard}), each on its own, so that a problem names the block and the
 * field rather than a line of the source the blocks are compiled into.
 */
final class MergeFields {

	private MergeFields() {
	}

	/**
	 * @param part where the field is: « Bloc 3, champ « titre » (title) »
	 * @param syntax whether a merge field that does not parse is refused too (when compiling; when
	 * saving, nothing can run from it and the preview says where it is)
	 * @throws TemplateProblem the first merge field refused
	 */
	static void check(String value, String part, boolean syntax) {
		if (value == null || !value.contains("${")) {
			return;
		}
		var found = new Interpolations();
		found.protect(value);
		for (String expression : found.expressions()) {
			Template template;
			try {
				template = new Template(part, expression, TemplateSandbox.inline(false));
			}
			catch (ParseException ex) {
				if (syntax) {
					throw new TemplateProblem(part, 0, 0, "« " + expression + " » : " + ex.getEditorMessage(), ex);
				}
				continue;
			}
			catch (IOException ex) {
				throw new TemplateProblem(part, 0, 0, ex.getMessage(), ex);
			}
			try {
				TemplateGuard.checkInline(template, part);
			}
			catch (TemplateProblem problem) {
				throw new TemplateProblem(part, 0, 0, "« " + expression + " » : " + problem.getDetail(), null);
			}
		}
	}

}
