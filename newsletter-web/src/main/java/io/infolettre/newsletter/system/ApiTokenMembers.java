package io.infolettre.newsletter.system;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import io.infolettre.newsletter.people.ApiToken;
import io.infolettre.newsletter.people.ApiTokens;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.TeamSettingsStore;

import org.springframework.stereotype.Component;

/**
 * The person an API token acts for, as the API's principal: their id and name, the token's role, and
 * only the permissions both the token's role and the person's current role grant (a person whose role
 * was narrowed after they made a token gets no more through it than through their login). A revoked
 * token, or one of a person no longer active, is nobody.
 */
@Component
class ApiTokenMembers {

	private final ApiTokens tokens;

	private final People people;

	private final TeamSettingsStore settings;

	ApiTokenMembers(ApiTokens tokens, People people, TeamSettingsStore settings) {
		this.tokens = tokens;
		this.people = people;
		this.settings = settings;
	}

	Optional<TeamMember> bySecret(String secret) {
		return this.tokens.use(secret)
			.flatMap(token -> this.people.find(token.personId()).filter(Person::isActive).map(person -> member(person, token)));
	}

	private TeamMember member(Person person, ApiToken token) {
		boolean approvalRequired = this.settings.current().approvalRequired();
		Set<Permission> permissions = EnumSet.noneOf(Permission.class);
		permissions.addAll(token.role().permissions(approvalRequired));
		permissions.retainAll(person.role().permissions(approvalRequired));
		return TeamMember.of(person, person.role().permissions(approvalRequired))
			.withToken(token.id(), token.role(), Set.copyOf(permissions));
	}

}
