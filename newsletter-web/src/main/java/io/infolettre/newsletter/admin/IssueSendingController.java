package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.delivery.SendRefusedException;
import io.infolettre.newsletter.issue.IssueStateException;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.scheduling.IssueSending;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The send buttons of the issue page: send now, pause, resume, cancel, resend to those not reached.
 * Each goes back to the issue page with a notice, or with the reason it was refused (the page may
 * have been out of date: the engine pauses a send by itself when the relay fails).
 */
@Controller
@RequestMapping("/admin/issues/{id}")
@RequiresPermission(Permission.ISSUES_SEND)
class IssueSendingController {

	private final IssueSending sending;

	IssueSendingController(IssueSending sending) {
		this.sending = sending;
	}

	@Audited(kind = AuditKind.ISSUE, action = "issue.send")
	@PostMapping("/send")
	String sendNow(@PathVariable String id, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			this.sending.sendNow(id);
			redirect.addFlashAttribute("notice", "issue.send.started");
		});
	}

	@Audited(kind = AuditKind.ISSUE, action = "issue.pause")
	@PostMapping("/pause")
	@RequiresPermission(Permission.ISSUES_EDIT)
	String pause(@PathVariable String id, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			this.sending.pause(id);
			redirect.addFlashAttribute("notice", "issue.paused");
		});
	}

	@Audited(kind = AuditKind.ISSUE, action = "issue.resume")
	@PostMapping("/resume")
	String resume(@PathVariable String id, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			this.sending.resume(id);
			redirect.addFlashAttribute("notice", "issue.resumed");
		});
	}

	@Audited(kind = AuditKind.ISSUE, action = "issue.cancel")
	@PostMapping("/cancel")
	String cancel(@PathVariable String id, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			this.sending.cancel(id);
			redirect.addFlashAttribute("notice", "issue.cancelled");
		});
	}

	@Audited(kind = AuditKind.ISSUE, action = "issue.resend")
	@PostMapping("/resend")
	String resend(@PathVariable String id, RedirectAttributes redirect) {
		return act(id, redirect, () -> {
			long count = this.sending.resendUndelivered(id);
			redirect.addFlashAttribute("notice", "issue.resend.started");
			redirect.addFlashAttribute("noticeArg", count);
		});
	}

	private static String act(String id, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
		}
		catch (SendRefusedException | IssueStateException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		catch (OptimisticLockingFailureException ex) {
			redirect.addFlashAttribute("error", "Le numéro a changé pendant l'opération ; vérifiez son statut et réessayez.");
		}
		return "redirect:/admin/issues/" + id;
	}

}
