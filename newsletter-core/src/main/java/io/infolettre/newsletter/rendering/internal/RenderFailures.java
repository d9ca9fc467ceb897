package io.infolettre.newsletter.rendering.internal;

import freemarker.template.Template;
import freemarker.template.TemplateException;
import io.infolettre.newsletter.rendering.TemplateProblem;

/** FreeMarker's failures while a template runs, told as the coordinator reads them. */
final class RenderFailures {

	private RenderFailures() {
	}

	/** Where {@code ex} happened (the included file when it was there) and what, on one line. */
	static TemplateProblem of(Template template, TemplateException ex) {
		Integer line = ex.getLineNumber();
		Integer column = ex.getColumnNumber();
		String source = ex.getTemplateSourceName() == null ? template.getSourceName() : ex.getTemplateSourceName();
		// "The following has evaluated to null or missing:" alone does not say what
		String blamed = ex.getBlamedExpressionString();
		String detail = firstLine(ex.getMessageWithoutStackTop()) + (blamed == null ? "" : " " + blamed);
		return new TemplateProblem(source, line == null ? 0 : line, column == null ? 0 : column, detail, ex);
	}

	private static String firstLine(String message) {
		return message == null ? "" : message.lines().findFirst().orElse("").strip();
	}

}
