package io.infolettre.newsletter.people;

/**
 * The team's rules, set by an administrator in the application.
 *
 * @param approvalRequired an issue is sent only once approved by someone other than its author (four
 * eyes); off for a small association with one coordinator
 * @param secondFactorRequiredForAdmins an administrator must set up a second factor before using the
 * admin pages
 * @param passwordApiAccess the first administrator may call the API with HTTP Basic and their
 * password; everyone else uses API tokens
 */
public record TeamSettings(boolean approvalRequired, boolean secondFactorRequiredForAdmins,
		boolean passwordApiAccess) {

}
