package io.infolettre.newsletter.api;

import io.infolettre.newsletter.system.AnySignedInPerson;
import java.util.Comparator;

import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.TeamMember;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/me}: the caller, for any person of the team, whatever their role. */
@RestController
@AnySignedInPerson
class MeApiController {

	private final CurrentActor current;

	private final People people;

	MeApiController(CurrentActor current, People people) {
		this.current = current;
		this.people = people;
	}

	@GetMapping("/api/v1/me")
	MeResource me() {
		TeamMember member = this.current.member().orElseThrow();
		String email = this.people.find(member.personId()).map(Person::email).orElse(null);
		return new MeResource(member.personId(), member.login(), email, member.name(), member.role(),
				member.permissions().stream().sorted(Comparator.naturalOrder()).toList(), member.tokenId());
	}

}
