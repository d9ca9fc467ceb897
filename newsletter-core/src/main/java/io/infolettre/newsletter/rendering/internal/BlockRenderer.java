package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateNotFoundException;
import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.rendering.BlockImage;
import io.infolettre.newsletter.rendering.TemplateProblem;

/**
 * Lays out an issue's blocks with the layout's block templates, once, when the issue is compiled:
 * the result is the source of the body (HTML and text) that is then compiled like the Markdown body
 * was, so that rendering a message per recipient costs what it did. The layout's own
 * {@code NAME_blocs.html.ftlh} and {@code NAME_blocs.txt.ftl} win over the shared
 * {@code _blocs.html.ftlh} and {@code _blocs.txt.ftl}.
 */
final class BlockRenderer {

	/** {@code _blocs.html.ftlh} is shared by the layouts, {@code NAME_blocs.html.ftlh} is one layout's. */
	static final String FILE = "_blocs";

	/** The body's two sources: FreeMarker with the coordinator's merge fields as interpolations. */
	record Sources(String html, String text) {
	}

	private final Configuration cfg;

	private final String layout;

	private final String language;

	private final BrandingSettings brand;

	private final Map<String, Object> brandModel;

	private final RenderBudget budget;

	BlockRenderer(Configuration cfg, String layout, String language, BrandingSettings brand,
			Map<String, Object> brandModel, RenderBudget budget) {
		this.cfg = cfg;
		this.layout = layout;
		this.language = "en".equals(language) ? "en" : "fr";
		this.brand = brand;
		this.brandModel = brandModel;
		this.budget = budget;
	}

	/**
	 * @throws TemplateProblem a block template that does not parse or render, or a block's merge field
	 * refused, with where it is
	 */
	Sources render(List<Block> blocks, Map<String, BlockImage> images) {
		var interpolations = new Interpolations();
		var model = new HashMap<String, Object>();
		model.put("blocks", new BlockModels(interpolations, this.language, images, this.brand).of(blocks));
		model.put("brand", this.brandModel);
		model.put("language", this.language);
		String html = process(template(FreeMarkerIssueRenderer.HTML_SUFFIX), model);
		String text = process(template(FreeMarkerIssueRenderer.TEXT_SUFFIX), model);
		return new Sources(interpolations.restore(html), interpolations.restore(text));
	}

	/** {@code NAME_blocs} when the layout has one, else the shared {@code _blocs}, checked as layouts are. */
	private Template template(String suffix) {
		String own = this.layout + FILE + suffix;
		String shared = FILE + suffix;
		try {
			Template template = this.cfg.getTemplate(own, null, null, null, true, true);
			if (template == null) {
				template = this.cfg.getTemplate(shared);
			}
			TemplateGuard.checkLayout(template, this.cfg);
			return RenderBudget.prepare(template);
		}
		catch (TemplateNotFoundException ex) {
			throw new TemplateProblem(shared, 0, 0, "gabarit des blocs introuvable", ex);
		}
		catch (ParseException ex) {
			String source = ex.getTemplateName() == null ? shared : ex.getTemplateName();
			throw new TemplateProblem(source, ex.getLineNumber(), ex.getColumnNumber(), ex.getEditorMessage(), ex);
		}
		catch (IOException ex) {
			throw new TemplateProblem(shared, 0, 0, "lecture impossible : " + ex.getMessage(), ex);
		}
	}

	private String process(Template template, Map<String, Object> model) {
		try (RenderBudget.Render render = this.budget.start()) {
			var out = this.budget.writer(render);
			try {
				template.process(model, out);
			}
			catch (TemplateException ex) {
				throw RenderFailures.of(template, ex);
			}
			catch (RenderBudget.TooLong ex) {
				throw new TemplateProblem(template.getSourceName(), 0, 0,
						"les blocs dépassent %,d caractères".formatted(this.budget.maxChars()), ex);
			}
			catch (IOException ex) {
				throw new TemplateProblem(template.getSourceName(), 0, 0,
						"les blocs mettent trop de temps à se composer : une boucle du gabarit ne finit pas", ex);
			}
			if (render.late()) {
				throw new TemplateProblem(template.getSourceName(), 0, 0,
						"les blocs mettent trop de temps à se composer : une boucle du gabarit ne finit pas", null);
			}
			return out.toString();
		}
	}

}
