package io.infolettre.newsletter.admin;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.infolettre.newsletter.people.ApiToken;
import io.infolettre.newsletter.people.ApiTokens;
import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.scheduling.SchedulingSettings;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.TeamMember;

import org.springframework.stereotype.Component;

/**
 * What the « Jetons d'API » section of « Mon compte » shows, read by the section itself
 * ({@code ${@apiTokenPanel.mine()}}) so that whichever page includes it needs to know nothing of
 * tokens: the signed-in person's tokens, newest first, and the roles a new one may have.
 */
@Component("apiTokenPanel")
public class ApiTokenPanel {

	private final ApiTokens tokens;

	private final CurrentActor current;

	private final ZoneId zone;

	ApiTokenPanel(ApiTokens tokens, CurrentActor current, SchedulingSettings scheduling) {
		this.tokens = tokens;
		this.current = current;
		this.zone = scheduling.zone();
	}

	public List<ApiToken> mine() {
		return this.current.member().map(member -> this.tokens.of(member.personId())).orElse(List.of());
	}

	/** The roles the person's own covers, theirs first. */
	public List<Role> roles() {
		return this.current.member().map(TeamMember::role).map(mine -> {
			var roles = new ArrayList<Role>(List.of(mine));
			Arrays.stream(Role.values()).filter(role -> role != mine && mine.covers(role)).forEach(roles::add);
			return List.copyOf(roles);
		}).orElse(List.of());
	}

	/** The association's time zone, in which the dates are shown. */
	public ZoneId zone() {
		return this.zone;
	}

}
