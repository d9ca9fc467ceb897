package io.infolettre.newsletter.system;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import io.infolettre.newsletter.people.PasswordPolicy;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Person;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * « Mot de passe oublié » : the page asks for an address and answers the same whatever it is (the
 * email, if any, leaves in the background); the emailed link works once, for two hours, and sets a
 * new password, which ends the person's other sessions and lifts a lock on their login.
 */
@Controller
class PasswordResetController {

	private final PasswordResets resets;

	private final AccountLinks links;

	private final People people;

	private final PasswordPolicy policy;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	private final Clock clock;

	PasswordResetController(PasswordResets resets, AccountLinks links, People people, PasswordPolicy policy,
			PasswordEncoder passwords, LoginThrottle throttle, Clock clock) {
		this.resets = resets;
		this.links = links;
		this.people = people;
		this.policy = policy;
		this.passwords = passwords;
		this.throttle = throttle;
		this.clock = clock;
	}

	@GetMapping("/mot-de-passe-oublie")
	String ask() {
		return "account/forgot";
	}

	@PostMapping("/mot-de-passe-oublie")
	String request(@RequestParam(defaultValue = "") String email, Locale locale, Model model) {
		this.resets.submit(email.strip(), locale);
		model.addAttribute("sent", true);
		return "account/forgot";
	}

	@GetMapping("/mot-de-passe/{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		return withResetting(token, model, response, person -> form(person, List.of(), model));
	}

	@PostMapping("/mot-de-passe/{token}")
	String reset(@PathVariable String token, ChosenPassword chosen, Model model, HttpServletResponse response) {
		return withResetting(token, model, response, person -> {
			List<String> problems = chosen.problems(this.policy, person);
			if (!problems.isEmpty()) {
				response.setStatus(422);
				return form(person, problems, model);
			}
			String grant = this.links.passwordReset(token).orElseThrow().id();
			return this.people.resetPassword(grant, this.passwords.encode(chosen.password())).map(done -> {
				this.throttle.forgetAccount(done.login());
				model.addAttribute("login", done.login());
				model.addAttribute("kind", "reset");
				return "account/password-set";
			}).orElseGet(() -> InvitationController.refused("used", "reset", model, response));
		});
	}

	private String withResetting(String token, Model model, HttpServletResponse response,
			java.util.function.Function<Person, String> page) {
		var link = this.links.passwordReset(token);
		if (link.isEmpty()) {
			return InvitationController.refused("invalid", "reset", model, response);
		}
		if (link.get().hasExpiredAt(this.clock.instant())) {
			return InvitationController.refused("expired", "reset", model, response);
		}
		return this.people.resettingWith(link.get().id())
			.map(page)
			.orElseGet(() -> InvitationController.refused("used", "reset", model, response));
	}

	private String form(Person person, List<String> problems, Model model) {
		model.addAttribute("person", person);
		model.addAttribute("problems", problems);
		model.addAttribute("kind", "reset");
		return "account/choose-password";
	}

}
