package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.system.AnySignedInPerson;
import io.infolettre.newsletter.system.Audited;
import io.infolettre.newsletter.audit.AuditKind;
import java.util.List;

import io.infolettre.newsletter.people.PasswordPolicy;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.PersonNotFoundException;
import io.infolettre.newsletter.people.TeamChangeRefusedException;
import io.infolettre.newsletter.system.ChosenPassword;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.TeamSessions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Mon compte », for every person signed in, whatever their role: their name and email address, and
 * their password. Changing the address or the password asks for the current password (a session left
 * open on a shared computer must not be enough to take the account over); a new password follows the
 * team's policy, and ends the person's other sessions. The second factor and the API tokens have
 * their own sections (fragments {@code admin/account-second-factor} and {@code admin/account-tokens}).
 */
@Controller
@RequestMapping("/admin/account")
@AnySignedInPerson
class AccountController {

	private final People people;

	private final CurrentActor current;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final TeamSessions sessions;

	AccountController(People people, CurrentActor current, PasswordPolicy policy, PasswordEncoder passwords,
			TeamSessions sessions) {
		this.people = people;
		this.current = current;
		this.policy = policy;
		this.passwords = passwords;
		this.sessions = sessions;
	}

	@GetMapping
	String account(Model model) {
		model.addAttribute("person", me());
		return "admin/account";
	}

	@Audited(kind = AuditKind.PERSON, action = "account.edit", target = Audited.SELF)
	@PostMapping("/profile")
	String saveProfile(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String currentPassword, HttpServletRequest request, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Person person = me();
		boolean newAddress = !email.strip().equalsIgnoreCase(person.email() == null ? "" : person.email());
		if (newAddress && !rightPassword(person, currentPassword)) {
			return refuse(model, response, person, "profileProblem", "account.wrongPassword", name, email);
		}
		try {
			Person saved = this.people.updateProfile(person.id(), name, email);
			this.sessions.keepSignedIn(request, saved);
		}
		catch (TeamChangeRefusedException ex) {
			model.addAttribute("profileRefusal", ex.getMessage());
			return refuse(model, response, person, null, null, name, email);
		}
		redirect.addFlashAttribute("notice", "account.profileSaved");
		return "redirect:/admin/account";
	}

	@Audited(kind = AuditKind.PERSON, action = "account.password", target = Audited.SELF)
	@PostMapping("/password")
	String changePassword(@RequestParam(defaultValue = "") String currentPassword, ChosenPassword chosen,
			HttpServletRequest request, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Person person = me();
		if (!rightPassword(person, currentPassword)) {
			return refuse(model, response, person, "passwordProblems", List.of("account.wrongPassword"), null, null);
		}
		List<String> problems = chosen.problems(this.policy, person);
		if (!problems.isEmpty()) {
			return refuse(model, response, person, "passwordProblems", problems, null, null);
		}
		Person saved = this.people.changePassword(person.id(), this.passwords.encode(chosen.password()));
		this.sessions.keepSignedIn(request, saved);
		redirect.addFlashAttribute("notice", "account.passwordChanged");
		return "redirect:/admin/account";
	}

	private String refuse(Model model, HttpServletResponse response, Person person, String attribute, Object problem,
			String typedName, String typedEmail) {
		response.setStatus(422);
		if (attribute != null) {
			model.addAttribute(attribute, problem);
		}
		model.addAttribute("person", person);
		model.addAttribute("typedName", typedName);
		model.addAttribute("typedEmail", typedEmail);
		return "admin/account";
	}

	// the first administrator's account, made before they had a password to give, has one all the same
	private boolean rightPassword(Person person, String password) {
		return person.passwordHash() != null && !password.isEmpty() && this.passwords.matches(password, person.passwordHash());
	}

	private Person me() {
		String id = this.current.member().orElseThrow().personId();
		return this.people.find(id).orElseThrow(() -> new PersonNotFoundException(id));
	}

}
