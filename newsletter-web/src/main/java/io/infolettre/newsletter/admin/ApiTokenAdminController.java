package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.system.Audited;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.people.ApiTokenRefused;
import io.infolettre.newsletter.people.ApiTokens;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.system.AnySignedInPerson;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.TeamMember;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Jetons d'API » of « Mon compte »: a person creates a token for a script (its secret shown once, on
 * the page the form came back to) and revokes their own. The section ({@code admin/account-tokens})
 * is included in the account page, and also stands on a page of its own.
 */
@Controller
@RequestMapping("/admin/account/tokens")
@AnySignedInPerson
class ApiTokenAdminController {

	static final String SECTION = "#api-tokens";

	private final ApiTokens tokens;

	private final People people;

	private final CurrentActor current;

	ApiTokenAdminController(ApiTokens tokens, People people, CurrentActor current) {
		this.tokens = tokens;
		this.people = people;
		this.current = current;
	}

	@GetMapping
	String page() {
		return "admin/api-tokens";
	}

	@Audited(kind = AuditKind.TOKEN, action = "token.create")
	@PostMapping
	String issue(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Role role,
			HttpServletRequest request, RedirectAttributes redirect) {
		TeamMember me = me();
		var person = this.people.find(me.personId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			var issued = this.tokens.issue(person, me.role(), name, role);
			// only for the next page, which shows it once; never kept with the token
			redirect.addFlashAttribute("apiTokenSecret", issued.secret());
			redirect.addFlashAttribute("apiTokenName", issued.token().name());
		}
		catch (ApiTokenRefused refused) {
			redirect.addFlashAttribute("apiTokenProblem", refused.getMessage());
		}
		return "redirect:" + back(request);
	}

	@Audited(kind = AuditKind.TOKEN, action = "token.revoke")
	@PostMapping("/{id}/revoke")
	String revoke(@PathVariable String id, HttpServletRequest request, RedirectAttributes redirect) {
		TeamMember me = me();
		var token = this.tokens.find(id)
			.filter(mine -> mine.personId().equals(me.personId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.tokens.revoke(token.id());
		redirect.addFlashAttribute("apiTokenRevoked", token.name());
		return "redirect:" + back(request);
	}

	private TeamMember me() {
		return this.current.member().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
	}

	/** Back to the page the form is on: « Mon compte », or this page. */
	private static String back(HttpServletRequest request) {
		String from = AccessRefusals.back(request);
		String path = from == null ? "" : from.split("[?#]")[0];
		return (path.equals("/admin/account") ? path : "/admin/account/tokens") + SECTION;
	}

}
