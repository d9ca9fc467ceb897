package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateMarkupOutputModel;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModelException;
import io.infolettre.newsletter.rendering.CompiledMessage;
import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.rendering.TemplateProblem;

/**
 * An issue compiled for one language: the layout's two parts, the subject and the body, parsed
 * once; per recipient only the model changes. Each render runs within its {@link RenderBudget}.
 */
final class FreeMarkerMessage implements CompiledMessage {

	private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n\\t\\u2028\\u2029]+");

	/** The parsed templates: the layout's HTML and text, the subject, the body as HTML and as text. */
	record Parts(Template html, Template text, Template subject, Template bodyHtml, Template bodyText) {
	}

	private final Parts parts;

	private final Map<String, Object> issue;

	private final Map<String, Object> senderModel;

	private final Map<String, Object> brandModel;

	private final RenderBudget budget;

	FreeMarkerMessage(Parts parts, MessageDraft draft, String language, Map<String, Object> senderModel,
			Map<String, Object> brandModel, RenderBudget budget) {
		this.parts = parts;
		this.issue = Map.of("title", nullToEmpty(draft.title()), "preheader", nullToEmpty(draft.preheader()),
				"language", language);
		this.senderModel = senderModel;
		this.brandModel = brandModel;
		this.budget = budget;
	}

	@Override
	public RenderedMessage render(RecipientModel recipient) {
		try (RenderBudget.Render render = this.budget.start()) {
			return render(recipient, render);
		}
	}

	private RenderedMessage render(RecipientModel recipient, RenderBudget.Render render) {
		Map<String, Object> model = recipientModel(recipient);
		String subjectLine = LINE_BREAKS.matcher(process(this.parts.subject(), model, render)).replaceAll(" ").strip();
		var issue = new HashMap<>(this.issue);
		issue.put("subject", subjectLine);
		model.put("issue", issue);
		// text first: an unknown variable in the body is then reported at the line typed
		String bodyText = process(this.parts.bodyText(), model, render);
		model.put("content",
				Map.of("html", markup(process(this.parts.bodyHtml(), model, render)), "text", bodyText));
		return new RenderedMessage(subjectLine, process(this.parts.html(), model, render),
				process(this.parts.text(), model, render));
	}

	private Map<String, Object> recipientModel(RecipientModel r) {
		var subscriber = new HashMap<String, Object>();
		subscriber.put("email", r.email());
		putIfPresent(subscriber, "firstName", r.firstName());
		putIfPresent(subscriber, "lastName", r.lastName());
		putIfPresent(subscriber, "company", r.company());
		subscriber.put("language", r.language() == null ? "fr" : r.language());
		subscriber.put("attributes", r.attributes());
		Map<String, Object> model = new HashMap<>(subscriber);
		model.put("subscriber", subscriber);
		model.put("sender", this.senderModel);
		model.put("brand", this.brandModel);
		model.put("unsubscribeUrl", r.links().unsubscribeUrl());
		putIfPresent(model, "preferencesUrl", r.links().preferencesUrl());
		putIfPresent(model, "trackingPixelUrl", r.links().trackingPixelUrl());
		putIfPresent(model, "viewInBrowserUrl", r.links().viewInBrowserUrl());
		model.put("tracking", Map.of("any", r.links().tracked(), "opens", r.links().trackingPixelUrl() != null,
				"links", r.links().trackedLinks(), "anonymous", r.links().anonymousTracking()));
		return model;
	}

	private TemplateMarkupOutputModel<?> markup(String html) {
		try {
			return HTMLOutputFormat.INSTANCE.fromMarkup(html);
		}
		catch (TemplateModelException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String process(Template template, Map<String, Object> model, RenderBudget.Render render) {
		RenderBudget budget = this.budget;
		var out = budget.writer(render);
		try {
			template.process(model, out);
		}
		catch (TemplateException ex) {
			if (render.late()) {
				throw tooSlow(template, budget);
			}
			throw RenderFailures.of(template, ex);
		}
		catch (RenderBudget.TooLong ex) {
			throw new TemplateProblem(template.getSourceName(), 0, 0,
					"le message dépasse %,d caractères : le gabarit ou le contenu produit trop de texte"
						.formatted(budget.maxChars()), ex);
		}
		catch (IOException | RuntimeException ex) {
			if (render.late()) {
				throw tooSlow(template, budget);
			}
			throw ex instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex);
		}
		if (render.late()) {
			throw tooSlow(template, budget);
		}
		return out.toString();
	}

	private static TemplateProblem tooSlow(Template template, RenderBudget budget) {
		return new TemplateProblem(template.getSourceName(), 0, 0,
				"le message met plus de %s s à se composer : une boucle du gabarit ou du contenu ne finit pas"
					.formatted(budget.timeout().toMillis() / 1000.0), null);
	}

	private static void putIfPresent(Map<String, Object> map, String key, String value) {
		if (value != null && !value.isBlank()) {
			map.put(key, value);
		}
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}

}
