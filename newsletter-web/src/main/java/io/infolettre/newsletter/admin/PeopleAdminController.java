package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.system.Audited;
import io.infolettre.newsletter.audit.AuditKind;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.SecondFactorManagement;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.PersonNotFoundException;
import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.people.TeamChangeRefusedException;
import io.infolettre.newsletter.people.TeamSettings;
import io.infolettre.newsletter.people.TeamSettingsStore;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.MailNotSentException;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.TeamInvitations;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Équipe » : the people of the team with their role, status and last login; invite someone, resend
 * an invitation, change a role, deactivate and reactivate; and the team's settings (approval before
 * sending, second factor for administrators, password access to the API). Every change comes back to
 * the page with what happened, or why it was refused.
 */
@Controller
@RequestMapping("/admin/people")
@RequiresPermission(Permission.PEOPLE_MANAGE)
class PeopleAdminController {

	private final People people;

	private final TeamInvitations invitations;

	private final TeamSettingsStore settings;

	private final CurrentActor current;

	private final Clock clock;

	private final SecondFactorManagement secondFactors;

	PeopleAdminController(People people, TeamInvitations invitations, TeamSettingsStore settings,
			CurrentActor current, Clock clock, SecondFactorManagement secondFactors) {
		this.clock = clock;
		this.secondFactors = secondFactors;
		this.people = people;
		this.invitations = invitations;
		this.settings = settings;
		this.current = current;
	}

	@GetMapping
	String team(Model model) {
		List<Person> team = this.people.all();
		model.addAttribute("people", team);
		model.addAttribute("roles", List.of(Role.values()));
		model.addAttribute("settings", this.settings.current());
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("withSecondFactor", team.stream()
			.filter(person -> this.secondFactors.isActive(person.id()))
			.map(Person::id)
			.collect(Collectors.toSet()));
		return "admin/people";
	}

	@Audited(kind = AuditKind.PERSON, action = "person.invite")
	@PostMapping
	String invite(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) Role role, RedirectAttributes redirect) {
		String[] invited = new String[1];
		String page = change(redirect, () -> {
			var person = this.invitations.invite(email, name, role);
			invited[0] = person.id();
			redirect.addFlashAttribute("notice", "people.invited");
			redirect.addFlashAttribute("noticeArgument", person.email());
		}, () -> {
			// what was typed, to correct it
			redirect.addFlashAttribute("typedEmail", email);
			redirect.addFlashAttribute("typedName", name);
			redirect.addFlashAttribute("typedRole", role);
		});
		// the new person's row: where the page shows them, and how the journal knows whom it was about
		return invited[0] == null ? page : page + "#person-" + invited[0];
	}

	@Audited(kind = AuditKind.PERSON, action = "person.resendInvitation")
	@PostMapping("/{id}/invitation")
	String resend(@PathVariable String id, RedirectAttributes redirect) {
		return change(redirect, () -> {
			var person = this.invitations.resend(id);
			redirect.addFlashAttribute("notice", "people.invitationResent");
			redirect.addFlashAttribute("noticeArgument", person.email());
		}, () -> {
		});
	}

	@Audited(kind = AuditKind.PERSON, action = "person.role")
	@PostMapping("/{id}/role")
	String changeRole(@PathVariable String id, @RequestParam(required = false) Role role, RedirectAttributes redirect) {
		return change(redirect, () -> {
			var person = this.people.changeRole(id, role, this.current.get());
			redirect.addFlashAttribute("notice", "people.roleChanged");
			redirect.addFlashAttribute("noticeArgument", person.displayName());
		}, () -> {
		});
	}

	@Audited(kind = AuditKind.PERSON, action = "person.deactivate")
	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable String id, RedirectAttributes redirect) {
		return change(redirect, () -> {
			var person = this.people.deactivate(id, this.current.get());
			redirect.addFlashAttribute("notice", "people.deactivated");
			redirect.addFlashAttribute("noticeArgument", person.displayName());
		}, () -> {
		});
	}

	/** A colleague lost their phone and their recovery codes: they log in with their password again. */
	@Audited(kind = AuditKind.PERSON, action = "person.secondFactorReset")
	@PostMapping("/{id}/second-factor/reset")
	String resetSecondFactor(@PathVariable String id, RedirectAttributes redirect) {
		return change(redirect, () -> {
			var person = this.people.find(id).orElseThrow(() -> new PersonNotFoundException(id));
			if (person.id().equals(this.current.get().personId())) {
				throw new TeamChangeRefusedException("Pour votre propre second facteur, passez par « Mon compte ».");
			}
			this.secondFactors.reset(person.id());
			redirect.addFlashAttribute("notice", "people.secondFactorReset");
			redirect.addFlashAttribute("noticeArgument", person.displayName());
		}, () -> {
		});
	}

	@Audited(kind = AuditKind.PERSON, action = "person.reactivate")
	@PostMapping("/{id}/reactivate")
	String reactivate(@PathVariable String id, RedirectAttributes redirect) {
		return change(redirect, () -> {
			var person = this.people.reactivate(id);
			redirect.addFlashAttribute("notice", person.isInvited() ? "people.reactivatedInvited" : "people.reactivated");
			redirect.addFlashAttribute("noticeArgument", person.displayName());
		}, () -> {
		});
	}

	@Audited(kind = AuditKind.SETTING, action = "team.settings")
	@PostMapping("/settings")
	@RequiresPermission(Permission.SETTINGS_MANAGE)
	String saveSettings(@RequestParam(defaultValue = "false") boolean approvalRequired,
			@RequestParam(defaultValue = "false") boolean secondFactorRequiredForAdmins,
			@RequestParam(defaultValue = "false") boolean passwordApiAccess, RedirectAttributes redirect) {
		this.settings.save(new TeamSettings(approvalRequired, secondFactorRequiredForAdmins, passwordApiAccess));
		redirect.addFlashAttribute("notice", "people.settingsSaved");
		return "redirect:/admin/people#team-settings";
	}

	@ExceptionHandler(PersonNotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "admin/not-found";
	}

	private static String change(RedirectAttributes redirect, Runnable action, Runnable onRefusal) {
		try {
			action.run();
		}
		catch (TeamChangeRefusedException ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
			onRefusal.run();
		}
		catch (MailNotSentException ex) {
			redirect.addFlashAttribute("mailProblem", ex.getMessage());
		}
		return "redirect:/admin/people";
	}

}
