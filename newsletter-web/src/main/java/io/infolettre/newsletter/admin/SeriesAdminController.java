package io.infolettre.newsletter.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueNotFoundException;
import io.infolettre.newsletter.issue.Issues;
import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.series.Recurrence;
import io.infolettre.newsletter.series.Series;
import io.infolettre.newsletter.series.SeriesManagement;
import io.infolettre.newsletter.series.SeriesMode;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recurring series: the list with each rule in words, the form to create one (shown again with the
 * reason when the rule or a setting is refused), and a series' page with its next twelve sends.
 */
@Controller
@RequestMapping("/admin/series")
@RequiresPermission(Permission.TEMPLATES_EDIT)
class SeriesAdminController {

	private static final int UPCOMING = 12;

	private final SeriesManagement series;

	private final IssueManagement issues;

	private final Issues allIssues;

	private final ScheduleTexts texts;

	private final MessageSource messages;

	private final Clock clock;

	SeriesAdminController(SeriesManagement series, IssueManagement issues, Issues allIssues, ScheduleTexts texts,
			MessageSource messages, Clock clock) {
		this.series = series;
		this.issues = issues;
		this.allIssues = allIssues;
		this.texts = texts;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	@RequiresPermission(Permission.ISSUES_READ)
	String list(Locale locale, Model model) {
		model.addAttribute("rows", this.series.all().stream().map(one -> row(one, locale)).toList());
		return "admin/series";
	}

	@GetMapping("/new")
	String newSeries(Locale locale, Model model) {
		LocalDate today = LocalDate.now(this.clock.withZone(this.texts.defaultZone()));
		return form(SeriesForm.defaults(this.texts.defaultZone(), today), null, locale, model);
	}

	@Audited(kind = AuditKind.SERIES, action = "series.create")
	@PostMapping
	String create(@ModelAttribute SeriesForm form, BindingResult binding, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		String problem;
		try {
			if (binding.hasErrors() || form == null) {
				throw new FormProblem("series.problem.unreadable");
			}
			Series created = this.series.create(form.name(), form.model(), form.recurrence(), form.modeOrDefault(),
					form.lead(), form.sendWindow());
			redirect.addFlashAttribute("notice", "series.created");
			return "redirect:/admin/series/" + created.getId();
		}
		catch (FormProblem ex) {
			problem = this.messages.getMessage(ex.code(), null, locale);
		}
		catch (IssueNotFoundException ex) {
			problem = this.messages.getMessage("series.problem.model", null, locale);
		}
		catch (IllegalArgumentException ex) {
			problem = ex.getMessage();
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		LocalDate today = LocalDate.now(this.clock.withZone(this.texts.defaultZone()));
		return form(form != null ? form : SeriesForm.defaults(this.texts.defaultZone(), today), problem, locale, model);
	}

	@GetMapping("/{id}")
	@RequiresPermission(Permission.ISSUES_READ)
	String detail(@PathVariable String id, Locale locale, Model model) {
		Series one = this.series.get(id);
		model.addAttribute("series", one);
		model.addAttribute("row", row(one, locale));
		model.addAttribute("zone", this.texts.zone(one.getRecurrence().zone(), locale));
		model.addAttribute("startsOn", TimeWords.of(locale).date(one.getRecurrence().startsOn()));
		model.addAttribute("window", one.getWindow() == null ? null : this.texts.window(one.getWindow(), locale));
		model.addAttribute("modelIssue", this.issues.find(one.getModelIssueId()).orElse(null));
		model.addAttribute("lastIssue", one.getLastIssueId() == null ? null : this.issues.find(one.getLastIssueId()).orElse(null));
		model.addAttribute("occurrences", this.series.upcoming(one, UPCOMING)
			.stream()
			.map(time -> new Occurrence(this.texts.at(time, locale), this.texts.adjustment(time, locale)))
			.toList());
		return "admin/series-detail";
	}

	@Audited(kind = AuditKind.SERIES, action = "series.pause")
	@PostMapping("/{id}/pause")
	String pause(@PathVariable String id, RedirectAttributes redirect) {
		this.series.pause(id);
		redirect.addFlashAttribute("notice", "series.pausedNotice");
		return "redirect:/admin/series/" + id;
	}

	@Audited(kind = AuditKind.SERIES, action = "series.activate")
	@PostMapping("/{id}/activate")
	String activate(@PathVariable String id, RedirectAttributes redirect) {
		this.series.activate(id);
		redirect.addFlashAttribute("notice", "series.activated");
		return "redirect:/admin/series/" + id;
	}

	@Audited(kind = AuditKind.SERIES, action = "series.delete")
	@PostMapping("/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes redirect) {
		this.series.get(id);
		this.series.delete(id);
		redirect.addFlashAttribute("notice", "series.deleted");
		return "redirect:/admin/series";
	}

	private String form(SeriesForm form, String problem, Locale locale, Model model) {
		List<Issue> models = this.allIssues.findAllByOrderByCreatedAtDesc();
		model.addAttribute("form", form);
		model.addAttribute("formError", problem);
		model.addAttribute("models", models);
		model.addAttribute("frequencies", Recurrence.Frequency.values());
		model.addAttribute("modes", SeriesMode.values());
		model.addAttribute("weeks", List.of(1, 2, 3, 4, -1));
		model.addAttribute("zones", this.texts.zoneChoices(locale));
		model.addAttribute("days", this.texts.dayChoices(locale));
		return "admin/series-form";
	}

	private Row row(Series one, Locale locale) {
		SendTime next = one.isActive() ? one.getNextOccurrence() : null;
		return new Row(one.getId(), one.getName(), RecurrenceWords.describe(one.getRecurrence(), locale),
				next == null ? null : this.texts.at(next, locale), one.isActive(), one.getLastProblem());
	}

	/** A series as the list shows it: its rule in words and its next send in its zone. */
	record Row(String id, String name, String rule, String next, boolean active, String lastProblem) {
	}

	/** One send to come, and what daylight saving did to its time ({@code null}: nothing). */
	record Occurrence(String when, String adjustment) {
	}

}
