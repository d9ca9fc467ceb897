package io.infolettre.newsletter.system;

import io.infolettre.newsletter.people.People;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Records each login through a login page (form or single sign-on) as the person's last login, shown
 * on the team page; the API's calls, authenticated each time, are not logins.
 */
@Component
class LastLogins {

	private final People people;

	LastLogins(People people) {
		this.people = people;
	}

	@EventListener
	void loggedIn(InteractiveAuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof TeamMember member) {
			this.people.recordLogin(member.personId());
		}
	}

}
