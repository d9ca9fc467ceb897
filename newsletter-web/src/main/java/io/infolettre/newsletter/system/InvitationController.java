package io.infolettre.newsletter.system;

import java.time.Clock;
import java.util.List;

import io.infolettre.newsletter.people.PasswordPolicy;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.tracking.TrackingTokens.Expiring;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The link of an invitation: the person invited chooses their password, once, within 72 hours, and
 * may then log in. A link altered, expired, already used or replaced by a newer invitation is
 * refused with a page that says which and what to do.
 */
@Controller
class InvitationController {

	private final AccountLinks links;

	private final People people;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final Clock clock;

	InvitationController(AccountLinks links, People people, PasswordPolicy policy, PasswordEncoder passwords,
			Clock clock) {
		this.links = links;
		this.people = people;
		this.policy = policy;
		this.passwords = passwords;
		this.clock = clock;
	}

	@GetMapping("/invitation/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		return withInvited(token, model, response, person -> form(person, List.of(), model));
	}

	@PostMapping("/invitation/{token}")
	String accept(@PathVariable String token, ChosenPassword chosen, Model model, HttpServletResponse response) {
		var link = this.links.invitation(token);
		return withInvited(token, model, response, person -> {
			List<String> problems = chosen.problems(this.policy, person);
			if (!problems.isEmpty()) {
				response.setStatus(422);
				return form(person, problems, model);
			}
			return this.people.acceptInvitation(link.orElseThrow().id(), this.passwords.encode(chosen.password()))
				.map(accepted -> {
					model.addAttribute("login", accepted.login());
					model.addAttribute("kind", "invitation");
					return "account/password-set";
				})
				.orElseGet(() -> refused("used", "invitation", model, response));
		});
	}

	private String withInvited(String token, Model model, HttpServletResponse response,
			java.util.function.Function<Person, String> page) {
		var link = this.links.invitation(token);
		if (link.isEmpty()) {
			return refused("invalid", "invitation", model, response);
		}
		Expiring grant = link.get();
		if (grant.hasExpiredAt(this.clock.instant())) {
			return refused("expired", "invitation", model, response);
		}
		return this.people.invitedWith(grant.id())
			.map(page)
			.orElseGet(() -> refused("used", "invitation", model, response));
	}

	private String form(Person person, List<String> problems, Model model) {
		model.addAttribute("person", person);
		model.addAttribute("problems", problems);
		model.addAttribute("kind", "invitation");
		return "account/choose-password";
	}

	/** A link that does not work: why (invalid, expired, used) and for what (invitation, reset). */
	static String refused(String why, String kind, Model model, HttpServletResponse response) {
		response.setStatus("invalid".equals(why) ? 404 : 410);
		model.addAttribute("why", why);
		model.addAttribute("kind", kind);
		return "account/link-refused";
	}

}
