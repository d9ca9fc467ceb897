package io.infolettre.newsletter.api;

import io.infolettre.newsletter.system.Audited;
import io.infolettre.newsletter.audit.AuditKind;
import java.net.URI;
import java.util.List;

import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.PersonNotFoundException;
import io.infolettre.newsletter.people.TeamChangeRefusedException;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.MailNotSentException;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.TeamInvitations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The team: list, invite (the invitation leaves by email), change a role, deactivate or reactivate.
 * A refusal (an address taken, the last administrator, one's own account) is a 422 saying why in
 * French; a person invited whose email did not leave is a 502 (resend from the team page).
 */
@RestController
@RequestMapping("/api/v1/people")
@RequiresPermission(Permission.PEOPLE_MANAGE)
class PeopleApiController {

	private final People people;

	private final TeamInvitations invitations;

	private final CurrentActor current;

	PeopleApiController(People people, TeamInvitations invitations, CurrentActor current) {
		this.people = people;
		this.invitations = invitations;
		this.current = current;
	}

	@GetMapping
	List<PersonResource> list() {
		return this.people.all().stream().map(PersonResource::of).toList();
	}

	@GetMapping("/{id}")
	PersonResource get(@PathVariable String id) {
		return PersonResource.of(this.people.find(id).orElseThrow(() -> new PersonNotFoundException(id)));
	}

	@Audited(kind = AuditKind.PERSON, action = "person.invite")
	@PostMapping
	ResponseEntity<PersonResource> invite(@RequestBody NewPersonRequest request) {
		if (request.role() == null) {
			throw new TeamChangeRefusedException("Le rôle est requis : ADMIN, COORDINATOR, APPROVER ou READER.");
		}
		Person invited = this.invitations.invite(request.email(), request.name(), request.role());
		return ResponseEntity.created(URI.create("/api/v1/people/" + invited.id())).body(PersonResource.of(invited));
	}

	@Audited(kind = AuditKind.PERSON, action = "person.change")
	@PatchMapping("/{id}")
	PersonResource change(@PathVariable String id, @RequestBody PersonChangeRequest request) {
		Person person = this.people.find(id).orElseThrow(() -> new PersonNotFoundException(id));
		if (Boolean.FALSE.equals(request.active())) {
			person = this.people.deactivate(id, this.current.get());
		}
		if (request.role() != null) {
			person = this.people.changeRole(id, request.role(), this.current.get());
		}
		if (Boolean.TRUE.equals(request.active())) {
			person = this.people.reactivate(id);
		}
		return PersonResource.of(person);
	}

	@ExceptionHandler(PersonNotFoundException.class)
	ProblemDetail notFound(PersonNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Introuvable", ex.getMessage());
	}

	@ExceptionHandler(TeamChangeRefusedException.class)
	ProblemDetail refused(TeamChangeRefusedException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Modification refusée", ex.getMessage());
	}

	@ExceptionHandler(MailNotSentException.class)
	ProblemDetail mailNotSent(MailNotSentException ex) {
		return problem(HttpStatus.BAD_GATEWAY, "Invitation non envoyée",
				"La personne est invitée, mais le relais n’a pas pris le courriel (" + ex.getMessage()
						+ ") ; renvoyez l’invitation depuis la page « Équipe ».");
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
