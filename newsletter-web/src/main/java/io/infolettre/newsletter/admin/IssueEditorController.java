package io.infolettre.newsletter.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.composition.IssuePreviews;
import io.infolettre.newsletter.delivery.SendRefusedException;
import io.infolettre.newsletter.delivery.TestSends;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueEdit;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStateException;
import io.infolettre.newsletter.issue.IssueVariant;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.rendering.BlockType;
import io.infolettre.newsletter.rendering.IssueRenderer;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.Audited;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Writing an issue: « Nouveau numéro », the editor of a draft with its live preview (htmx, as the
 * coordinator types), the test send, and « Dupliquer ».
 */
@Controller
@RequestMapping("/admin/issues")
@RequiresPermission(Permission.ISSUES_EDIT)
class IssueEditorController {

	private static final int PREVIEW_CHOICES = 50;

	private final IssueManagement management;

	private final IssuePreviews previews;

	private final TestSends tests;

	private final IssueRenderer renderer;

	private final Subscribers subscribers;

	private final MergeFields mergeFields;

	private final CurrentActor actor;

	IssueEditorController(IssueManagement management, IssuePreviews previews, TestSends tests, IssueRenderer renderer,
			Subscribers subscribers, MergeFields mergeFields, CurrentActor actor) {
		this.actor = actor;
		this.management = management;
		this.previews = previews;
		this.tests = tests;
		this.renderer = renderer;
		this.subscribers = subscribers;
		this.mergeFields = mergeFields;
	}

	@GetMapping("/new")
	String newIssue(Model model) {
		model.addAttribute("templates", this.renderer.availableTemplates());
		model.addAttribute("lists", this.subscribers.listNames());
		return "admin/issue-new";
	}

	/** Creates an empty draft on a template for an audience, and opens it in the editor. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.create")
	@PostMapping("/new")
	String create(@RequestParam String title, @RequestParam(defaultValue = "infolettre") String template,
			@RequestParam(required = false) String list, RedirectAttributes redirect) {
		var audience = list == null || list.isBlank() ? Audience.allActive() : Audience.list(list);
		try {
			// no block yet: the layout greets the member, the coordinator adds the rest
			Issue issue = this.management.create(new IssueEdit(title, template, new IssueVariant("", "", ""), null, null,
					null, true), audience);
			return "redirect:/admin/issues/" + issue.getId() + "/edit";
		}
		catch (IllegalArgumentException | TemplateProblem ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/admin/issues/new";
		}
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable String id, Model model, Locale locale) {
		Issue issue = this.management.get(id);
		return editor(issue, IssueForm.of(issue), model, locale);
	}

	/** Saves the draft; what it held before goes to its history. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.edit")
	@PostMapping("/{id}/edit")
	String save(@PathVariable String id, @ModelAttribute IssueForm form, Model model, Locale locale,
			RedirectAttributes redirect) {
		Issue issue = this.management.get(id);
		try {
			this.management.revise(id, form.toEdit(this.management.senders()), this.actor.get());
			redirect.addFlashAttribute("notice", "editor.saved");
			return "redirect:/admin/issues/" + id + "/edit";
		}
		catch (IllegalArgumentException | IssueStateException | TemplateProblem ex) {
			// nothing typed is lost: the form comes back as it was sent, with the reason (on its card for a block)
			model.addAttribute("error", ex.getMessage());
			if (ex instanceof VariantBlockProblem problem) {
				model.addAttribute("blockProblem", problem);
			}
			return editor(issue, form, model, locale);
		}
		catch (OptimisticLockingFailureException ex) {
			model.addAttribute("error", "Le numéro a changé pendant l'enregistrement ; rechargez la page.");
			return editor(issue, form, model, locale);
		}
	}

	/** Saves the draft, then sends it as a test to the addresses given (five at most). */
	@Audited(kind = AuditKind.ISSUE, action = "issue.testSend")
	@PostMapping("/{id}/test")
	String test(@PathVariable String id, @ModelAttribute IssueForm form, Model model, Locale locale) {
		Issue issue = this.management.get(id);
		try {
			if (issue.getStatus().isEditable()) {
				issue = this.management.revise(id, form.toEdit(this.management.senders()), this.actor.get());
			}
			var results = this.tests.send(id, form.addresses(), null);
			model.addAttribute("testResults", results);
		}
		catch (IllegalArgumentException | IssueStateException | SendRefusedException | TemplateProblem ex) {
			model.addAttribute("error", ex.getMessage());
			if (ex instanceof VariantBlockProblem problem) {
				model.addAttribute("blockProblem", problem);
			}
		}
		return editor(this.management.get(id), form, model, locale);
	}

	/** The preview of what is in the form now, not saved: the htmx target of the editor. */
	@PostMapping("/{id}/edit/preview")
	String preview(@PathVariable String id, @ModelAttribute IssueForm form, Model model) {
		this.management.get(id);
		String language = form.previewLanguage();
		model.addAttribute("previewLanguage", language);
		try {
			IssueEdit edit = form.toEdit(this.management.senders());
			RenderedMessage rendered = this.previews.preview(edit, language, form.subscriber());
			model.addAttribute("rendered", rendered);
		}
		catch (TemplateProblem ex) {
			model.addAttribute("problem", ex);
			model.addAttribute("problemField", field(ex, language));
		}
		catch (VariantBlockProblem ex) {
			// a block half filled in while the coordinator types: the editor keeps the last preview
			model.addAttribute("blockProblem", ex);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return "admin/issue-edit :: preview";
	}

	/** A new draft copied from this issue, opened in the editor. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.duplicate", creates = true)
	@PostMapping("/{id}/duplicate")
	String duplicate(@PathVariable String id) {
		return "redirect:/admin/issues/" + this.management.duplicate(id).getId() + "/edit";
	}

	// which field of the form a problem is about: the subject, the blocks of the variant shown, or the template
	private static String field(TemplateProblem problem, String language) {
		String part = problem.getPart() == null ? "" : problem.getPart();
		if (part.equals("Objet")) {
			return language + "Subject";
		}
		return part.equals("Gabarit") || part.endsWith(".ftlh") || part.endsWith(".ftl") ? "template"
				: language + "Blocks";
	}

	private String editor(Issue issue, IssueForm form, Model model, Locale locale) {
		model.addAttribute("issue", issue);
		model.addAttribute("form", form);
		model.addAttribute("templates", this.renderer.availableTemplates());
		model.addAttribute("senders", this.management.senders().senders());
		model.addAttribute("defaultSender", this.management.senders().defaultSender());
		model.addAttribute("previewSubscribers", this.subscribers.firstPage(PREVIEW_CHOICES));
		model.addAttribute("blockTypes", Arrays.stream(BlockType.values()).map(BlockType::jsonName).toList());
		model.addAttribute("markdownSnippets", List.of("evenement", "formation", "nouvelles", "sondage"));
		model.addAttribute("mergeFields", this.mergeFields.all(locale));
		model.addAttribute("maxTestAddresses", TestSends.MAX_ADDRESSES);
		return "admin/issue-edit";
	}

}
