package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.system.Audited;
import io.infolettre.newsletter.audit.AuditKind;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import io.infolettre.newsletter.delivery.SendRefusedException;
import io.infolettre.newsletter.delivery.TestSends;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStateException;
import io.infolettre.newsletter.issue.SendTime;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.scheduling.IssueSending;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.TeamMember;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The « Approbation » buttons of the issue page: submit a draft for approval (with a wished send time
 * and a note), approve it, approve and schedule it at the wished time, send it back with a comment,
 * and send oneself a test in one click. Each goes back to the issue page with a notice, or with the
 * reason it was refused.
 */
@Controller
@RequestMapping("/admin/issues/{id}/review")
@RequiresPermission(Permission.ISSUES_READ)
class IssueReviewController {

	private final IssueManagement issues;

	private final IssueSending sending;

	private final TestSends tests;

	private final People people;

	private final CurrentActor actor;

	private final ScheduleTexts texts;

	private final MessageSource messages;

	IssueReviewController(IssueManagement issues, IssueSending sending, TestSends tests, People people,
			CurrentActor actor, ScheduleTexts texts, MessageSource messages) {
		this.issues = issues;
		this.sending = sending;
		this.tests = tests;
		this.people = people;
		this.actor = actor;
		this.texts = texts;
		this.messages = messages;
	}

	@Audited(kind = AuditKind.ISSUE, action = "issue.submit")
	@PostMapping("/submit")
	@RequiresPermission(Permission.ISSUES_EDIT)
	String submit(@PathVariable String id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate wishedDate,
			@RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss") LocalTime wishedTime,
			@RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
		SendTime wished = wishedDate == null ? null
				: new SendTime(wishedDate, wishedTime == null ? ScheduleForm.DEFAULT_TIME : wishedTime,
						this.texts.defaultZone());
		return act(id, redirect, locale, () -> {
			this.issues.submit(id, this.actor.get(), wished, note);
			redirect.addFlashAttribute("notice", "review.submitted");
		});
	}

	@Audited(kind = AuditKind.ISSUE, action = "issue.approve")
	@PostMapping("/approve")
	@RequiresPermission(Permission.ISSUES_APPROVE)
	String approve(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, () -> {
			this.issues.approve(id, this.actor.get());
			redirect.addFlashAttribute("notice", "review.approved");
		});
	}

	/** Approves, then schedules at the time its author wished (an approval stays if the schedule is refused). */
	@Audited(kind = AuditKind.ISSUE, action = "issue.approveAndSchedule")
	@PostMapping("/approve-and-schedule")
	@RequiresPermission(Permission.ISSUES_APPROVE)
	String approveAndSchedule(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
		if (!this.actor.member().map(m -> m.can(Permission.ISSUES_SEND)).orElse(false)) {
			throw new AccessDeniedException("ISSUES_SEND");
		}
		return act(id, redirect, locale, () -> {
			Issue approved = this.issues.approve(id, this.actor.get());
			SendTime wished = approved.getWishedSendTime();
			if (wished == null) {
				throw new IllegalArgumentException(text("review.noWishedTime", locale));
			}
			Issue scheduled = this.sending.schedule(id, wished, null);
			redirect.addFlashAttribute("scheduleNotice", this.messages.getMessage("review.approvedAndScheduled",
					new Object[] { this.texts.at(scheduled.getSendTime(), locale) }, locale));
		});
	}

	@Audited(kind = AuditKind.ISSUE, action = "issue.requestChanges")
	@PostMapping("/request-changes")
	@RequiresPermission(Permission.ISSUES_APPROVE)
	String requestChanges(@PathVariable String id, @RequestParam(required = false) String comment,
			RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, () -> {
			this.issues.requestChanges(id, this.actor.get(), comment);
			redirect.addFlashAttribute("notice", "review.changesRequested");
		});
	}

	/** « M'envoyer un test »: the issue as it is now, to the reviewer's own address. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.testSend")
	@PostMapping("/test")
	@RequiresPermission(Permission.ISSUES_APPROVE)
	String testToMe(@PathVariable String id, RedirectAttributes redirect, Locale locale) {
		return act(id, redirect, locale, () -> {
			String address = this.actor.member()
				.map(TeamMember::personId)
				.flatMap(this.people::find)
				.map(Person::email)
				.filter(email -> email != null && !email.isBlank())
				.orElseThrow(() -> new IllegalArgumentException(text("review.test.noAddress", locale)));
			var result = this.tests.send(id, List.of(address), null).get(0);
			if (!result.accepted()) {
				throw new IllegalArgumentException(
						this.messages.getMessage("review.test.refused", new Object[] { result.reply() }, locale));
			}
			redirect.addFlashAttribute("notice", "review.test.sent");
			redirect.addFlashAttribute("noticeArg", address);
		});
	}

	private String act(String id, RedirectAttributes redirect, Locale locale, Runnable action) {
		this.issues.get(id);
		try {
			action.run();
		}
		catch (IssueStateException | SendRefusedException | IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", text("issue.changedMeanwhile", locale));
		}
		return "redirect:/admin/issues/" + id;
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
