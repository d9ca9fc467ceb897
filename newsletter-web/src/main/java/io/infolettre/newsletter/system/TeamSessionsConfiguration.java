package io.infolettre.newsletter.system;

import io.infolettre.newsletter.people.People;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The filter that keeps each login session in step with its person (see {@link TeamSessions}). */
@Configuration(proxyBeanMethods = false)
class TeamSessionsConfiguration {

	@Bean
	TeamSessions teamSessions(People people, TeamAccounts accounts) {
		return new TeamSessions(people, accounts);
	}

}
