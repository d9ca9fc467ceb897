package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.Issues;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.segment.Segment;
import io.infolettre.newsletter.segment.SegmentNotFoundException;
import io.infolettre.newsletter.segment.SegmentPreview;
import io.infolettre.newsletter.segment.SegmentRule;
import io.infolettre.newsletter.segment.SegmentRule.Group;
import io.infolettre.newsletter.segment.SegmentRuleException;
import io.infolettre.newsletter.segment.Segments;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saved segments in the admin UI: the list, and an editor that builds the rule tree with forms and
 * shows, at every change, how many receivable subscribers it selects and ten of them (htmx).
 */
@Controller
@RequestMapping("/admin/segments")
@RequiresPermission(Permission.AUDIENCE_READ)
class SegmentAdminController {

	private static final int SAMPLE = 10;

	private final Segments segments;

	private final AttributeDefinitions attributes;

	private final Subscribers subscribers;

	private final Issues issues;

	SegmentAdminController(Segments segments, AttributeDefinitions attributes, Subscribers subscribers, Issues issues) {
		this.segments = segments;
		this.attributes = attributes;
		this.subscribers = subscribers;
		this.issues = issues;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("segments", this.segments.all());
		return "admin/segments";
	}

	/** A saved segment's count, loaded by its row of the list once the page is shown. */
	@GetMapping("/{id}/count")
	String count(@PathVariable String id, Model model) {
		Segment segment = find(id);
		addPreview(model, segment.rules(), false, 0);
		return "admin/segments :: count";
	}

	@GetMapping("/new")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String create(Model model) {
		model.addAttribute("segmentId", null);
		model.addAttribute("name", "");
		model.addAttribute("description", "");
		addEditor(model, Group.all(), false);
		return "admin/segment";
	}

	@GetMapping("/{id}")
	String edit(@PathVariable String id, Model model) {
		Segment segment = find(id);
		model.addAttribute("segmentId", segment.id());
		model.addAttribute("name", segment.name());
		model.addAttribute("description", segment.description());
		addEditor(model, segment.rules(), false);
		return "admin/segment";
	}

	/** A button of the editor (add, remove, AND / OR, NOT) or a change of what a rule looks at. */
	@PostMapping("/editor")
	String editor(@RequestParam MultiValueMap<String, String> form, @RequestParam(required = false) String action,
			Model model) {
		addEditor(model, SegmentEditor.apply(SegmentEditor.read(form), action), allStatuses(form));
		return "admin/segment :: editor";
	}

	/** A value changed: the count, the sample and the rules' errors, the rules themselves untouched. */
	@PostMapping("/preview")
	String preview(@RequestParam MultiValueMap<String, String> form, Model model) {
		addEditor(model, SegmentEditor.read(form), allStatuses(form));
		return "admin/segment :: previewResponse";
	}

	@Audited(kind = AuditKind.SEGMENT, action = "segment.save")
	@PostMapping({ "", "/{id}" })
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String save(@PathVariable(required = false) String id, @RequestParam MultiValueMap<String, String> form,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Group rules = SegmentEditor.read(form);
		try {
			String name = form.getFirst("name");
			String description = form.getFirst("description");
			Segment saved = id == null ? this.segments.create(name, description, rules)
					: this.segments.update(id, name, description, rules);
			redirect.addFlashAttribute("notice", "segment.saved");
			return "redirect:/admin/segments/" + saved.id();
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("segmentId", id);
			model.addAttribute("name", form.getFirst("name"));
			model.addAttribute("description", form.getFirst("description"));
			model.addAttribute("error", ex.getMessage());
			addEditor(model, rules, allStatuses(form));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "admin/segment";
		}
	}

	@Audited(kind = AuditKind.SEGMENT, action = "segment.delete")
	@PostMapping("/{id}/delete")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		if (this.issues.existsByAudienceSegmentAndStatusNot(id, IssueStatus.SENT)) {
			redirect.addFlashAttribute("error", "segment.inUse");
			return "redirect:/admin/segments/" + id;
		}
		this.segments.delete(id);
		redirect.addFlashAttribute("notice", "segment.deleted");
		return "redirect:/admin/segments";
	}

	@ExceptionHandler(SegmentNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "admin/not-found";
	}

	private Segment find(String id) {
		return this.segments.find(id).orElseThrow(() -> new SegmentNotFoundException(id));
	}

	private void addEditor(Model model, Group rules, boolean allStatuses) {
		var definitions = this.attributes.all();
		model.addAttribute("definitions", definitions);
		model.addAttribute("lists", this.subscribers.listNames());
		model.addAttribute("allStatuses", allStatuses);
		model.addAttribute("subjects", SegmentRule.Subject.values());
		String errorPath = null;
		String error = null;
		try {
			addPreview(model, rules, allStatuses, SAMPLE);
		}
		catch (SegmentRuleException ex) {
			errorPath = ex.getPath();
			error = ex.getMessage();
			model.addAttribute("ruleError", error);
		}
		var tree = SegmentEditor.view(rules, definitions, errorPath, error);
		model.addAttribute("tree", tree);
		model.addAttribute("paths", SegmentEditor.paths(tree));
		model.addAttribute("errorNodePath", errorPath == null ? null : SegmentEditor.errorNode(errorPath));
	}

	private void addPreview(Model model, Group rules, boolean allStatuses, int sample) {
		SegmentPreview preview = this.segments.preview(rules, !allStatuses, sample);
		model.addAttribute("preview", preview);
	}

	private static boolean allStatuses(MultiValueMap<String, String> form) {
		return "true".equals(form.getFirst("allStatuses"));
	}

}
