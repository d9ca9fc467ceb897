package io.infolettre.newsletter.admin;

import java.util.Locale;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.delivery.SendRefusedException;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueStateException;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.scheduling.IssueSending;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Programmer l'envoi », « Reprogrammer » and « Déprogrammer » on the issue page. A schedule comes
 * back with the time it resolved to, in words, and what daylight saving did to it; a refusal comes
 * back as the page's error.
 */
@Controller
@RequestMapping("/admin/issues/{id}")
@RequiresPermission(Permission.ISSUES_SEND)
class IssueSchedulingController {

	private final IssueSending sending;

	private final ScheduleTexts texts;

	private final MessageSource messages;

	IssueSchedulingController(IssueSending sending, ScheduleTexts texts, MessageSource messages) {
		this.sending = sending;
		this.texts = texts;
		this.messages = messages;
	}

	@Audited(kind = AuditKind.ISSUE, action = "issue.schedule")
	@PostMapping("/schedule")
	String schedule(@PathVariable String id, @ModelAttribute ScheduleForm form, BindingResult binding, Locale locale,
			RedirectAttributes redirect) {
		try {
			if (binding.hasErrors()) {
				throw new FormProblem("schedule.problem.dateTime");
			}
			Issue scheduled = this.sending.schedule(id, form.sendTime(), form.sendWindow());
			redirect.addFlashAttribute("scheduleNotice", this.messages.getMessage("schedule.done",
					new Object[] { this.texts.at(scheduled.getSendTime(), locale) }, locale));
			redirect.addFlashAttribute("scheduleAdjustment", this.texts.adjustment(scheduled.getSendTime(), locale));
		}
		catch (FormProblem ex) {
			redirect.addFlashAttribute("error", this.messages.getMessage(ex.code(), null, locale));
		}
		catch (SendRefusedException | IssueStateException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", this.messages.getMessage("issue.changedMeanwhile", null, locale));
		}
		return "redirect:/admin/issues/" + id;
	}

	@Audited(kind = AuditKind.ISSUE, action = "issue.unschedule")
	@PostMapping("/unschedule")
	String unschedule(@PathVariable String id, Locale locale, RedirectAttributes redirect) {
		try {
			this.sending.unschedule(id);
			redirect.addFlashAttribute("notice", "schedule.undone");
		}
		catch (IssueStateException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", this.messages.getMessage("issue.changedMeanwhile", null, locale));
		}
		return "redirect:/admin/issues/" + id;
	}

}
