package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.util.Map;

import freemarker.core.ParseException;
import freemarker.template.Template;
import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.rendering.SubjectLines;
import io.infolettre.newsletter.rendering.TemplateProblem;

import org.springframework.stereotype.Component;

/**
 * The subject alone, through the same guard, sandbox and model as a whole message
 * ({@link FreeMarkerMessage} with empty parts around the subject), without reading a layout: a list
 * of fifty issues costs fifty small parses, not fifty messages.
 */
@Component
class FreeMarkerSubjectLines implements SubjectLines {

	private static final String PART = "Objet";

	private final Template emptyText = empty(false);

	private final Template emptyHtml = empty(true);

	private final Map<String, Object> senderModel;

	private final BrandingSettings brand;

	private final SenderIdentity sender;

	private final RenderBudget budget;

	FreeMarkerSubjectLines(SenderIdentity sender, BrandingSettings brand, RenderingSettings settings) {
		this.sender = sender;
		this.brand = brand;
		this.budget = settings.budget();
		// the same sender model the layouts receive (FreeMarkerIssueRenderer)
		this.senderModel = Map.of("name", sender.name(), "email", sender.email(), "organisation", sender.organisation(),
				"mailingAddressLines", sender.mailingAddressLines(), "website", sender.website());
	}

	@Override
	public String forSample(String subject, String language) {
		String shown = "en".equals(language) ? "en" : "fr";
		Template template = parse(subject == null ? "" : subject);
		TemplateGuard.checkInline(template, PART);
		RenderBudget.prepare(template);
		var parts = new FreeMarkerMessage.Parts(this.emptyHtml, this.emptyText, template, this.emptyHtml,
				this.emptyText);
		var draft = new MessageDraft(null, "", subject, "", "", shown);
		var message = new FreeMarkerMessage(parts, draft, shown, this.senderModel,
				this.brand.model(this.sender.organisation()), this.budget);
		return message.render(RecipientModel.sample(shown)).subject();
	}

	private static Template parse(String subject) {
		try {
			return new Template(PART, subject, TemplateSandbox.inline(false));
		}
		catch (ParseException ex) {
			throw new TemplateProblem(PART, ex.getLineNumber(), ex.getColumnNumber(), ex.getEditorMessage(), ex);
		}
		catch (IOException ex) {
			throw new TemplateProblem(PART, 0, 0, ex.getMessage(), ex);
		}
	}

	private static Template empty(boolean html) {
		try {
			return new Template("", "", TemplateSandbox.inline(html));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
