package io.infolettre.newsletter.people;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The team's settings until an administrator changes them in the application
 * ({@code newsletter.team.*}).
 *
 * @param approvalRequired an approval by someone other than the author before a send (default: no, as a
 * platform first started by one person must let them send; an administrator turns it on once the team
 * has an approver)
 * @param secondFactorRequiredForAdmins administrators must use a second factor (default: no)
 * @param passwordApiAccess the first administrator may call the API with HTTP Basic (default: yes)
 */
@ConfigurationProperties("newsletter.team")
public record InitialTeamSettings(Boolean approvalRequired, Boolean secondFactorRequiredForAdmins,
		Boolean passwordApiAccess) {

	public InitialTeamSettings {
		approvalRequired = approvalRequired != null && approvalRequired;
		secondFactorRequiredForAdmins = secondFactorRequiredForAdmins != null && secondFactorRequiredForAdmins;
		passwordApiAccess = passwordApiAccess == null || passwordApiAccess;
	}

	public TeamSettings settings() {
		return new TeamSettings(this.approvalRequired, this.secondFactorRequiredForAdmins, this.passwordApiAccess);
	}

}
