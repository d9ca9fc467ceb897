package io.infolettre.newsletter.system;

import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.TeamSettingsStore;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The people of the team as Spring Security accounts: a person's login, password hash and
 * permissions (their role's, under the team's current settings). A deactivated or invited person is
 * a disabled account.
 */
@Component
public class TeamAccounts implements UserDetailsService {

	private final People people;

	private final TeamSettingsStore settings;

	TeamAccounts(People people, TeamSettingsStore settings) {
		this.people = people;
		this.settings = settings;
	}

	@Override
	public TeamMember loadUserByUsername(String login) {
		return this.people.findByLogin(login)
			.map(this::member)
			.orElseThrow(() -> new UsernameNotFoundException("Unknown login"));
	}

	public TeamMember member(Person person) {
		return TeamMember.of(person, person.role().permissions(this.settings.current().approvalRequired()));
	}

}
