package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.system.AnySignedInPerson;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.system.Audited;
import io.infolettre.newsletter.people.SecondFactorManagement;
import io.infolettre.newsletter.people.SecondFactorManagement.Enrolment;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.SecondFactorQrCode;
import io.infolettre.newsletter.system.SecondFactorSessions;
import io.infolettre.newsletter.system.TeamMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Second facteur » of one's own account: turn it on (a QR code and the key to type, then a code
 * from the app to confirm, then the recovery codes, shown this once), or off (with a code). Any
 * signed-in person, for themselves only.
 */
@Controller
@RequestMapping("/admin/account/second-factor")
@AnySignedInPerson
class SecondFactorController {

	private final SecondFactorManagement secondFactors;

	private final SecondFactorSessions sessions;

	private final CurrentActor current;

	private final MessageSource messages;

	SecondFactorController(SecondFactorManagement secondFactors, SecondFactorSessions sessions, CurrentActor current,
			MessageSource messages) {
		this.secondFactors = secondFactors;
		this.sessions = sessions;
		this.current = current;
		this.messages = messages;
	}

	@GetMapping
	String page(Model model) {
		TeamMember me = me();
		var factor = this.secondFactors.find(me.personId());
		model.addAttribute("active", factor.map(f -> f.active()).orElse(false));
		model.addAttribute("recoveryCodesLeft", factor.map(f -> f.recoveryCodesLeft()).orElse(0));
		this.secondFactors.pending(me.personId(), me.login()).ifPresent(enrolment -> show(enrolment, model));
		return "admin/second-factor";
	}

	@Audited(kind = AuditKind.PERSON, action = "secondFactor.start", target = Audited.SELF)
	@PostMapping("/start")
	String start() {
		TeamMember me = me();
		this.secondFactors.begin(me.personId(), me.login());
		return "redirect:/admin/account/second-factor";
	}

	@Audited(kind = AuditKind.PERSON, action = "secondFactor.enable", target = Audited.SELF)
	@PostMapping("/confirm")
	String confirm(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		TeamMember me = me();
		var recoveryCodes = this.secondFactors.confirm(me.personId(), code);
		if (recoveryCodes.isEmpty()) {
			model.addAttribute("codeRefused", true);
			return page(model);
		}
		// the code just typed is this session's second factor: it is not asked again
		this.sessions.completed(request, response);
		model.addAttribute("recoveryCodes", recoveryCodes.get());
		return "admin/second-factor-recovery";
	}

	@Audited(kind = AuditKind.PERSON, action = "secondFactor.disable", target = Audited.SELF)
	@PostMapping("/disable")
	String disable(@RequestParam(defaultValue = "") String code, RedirectAttributes redirect) {
		boolean disabled = this.secondFactors.disable(me().personId(), code);
		redirect.addFlashAttribute(disabled ? "disabled" : "disableRefused", true);
		return "redirect:/admin/account/second-factor";
	}

	@Audited(kind = AuditKind.PERSON, action = "secondFactor.abandon", target = Audited.SELF)
	@PostMapping("/abandon")
	String abandon() {
		this.secondFactors.abandon(me().personId());
		return "redirect:/admin/account/second-factor";
	}

	private void show(Enrolment enrolment, Model model) {
		String label = this.messages.getMessage("secondFactor.qrLabel", null, LocaleContextHolder.getLocale());
		model.addAttribute("enrolment", enrolment);
		model.addAttribute("qrCode", SecondFactorQrCode.svg(enrolment.uri(), label));
	}

	private TeamMember me() {
		return this.current.member().orElseThrow();
	}

}
