package io.infolettre.newsletter.system;

import io.infolettre.newsletter.issue.ApprovalPolicy;
import io.infolettre.newsletter.people.TeamSettingsStore;

import org.springframework.stereotype.Component;

/**
 * The issue module's question « is an approval required before a send? », answered from the team's
 * settings as an administrator set them, read at each schedule or send (never cached: a change applies
 * at once).
 */
@Component
class TeamApprovalPolicy implements ApprovalPolicy {

	private final TeamSettingsStore settings;

	TeamApprovalPolicy(TeamSettingsStore settings) {
		this.settings = settings;
	}

	@Override
	public boolean approvalRequired() {
		return this.settings.current().approvalRequired();
	}

}
