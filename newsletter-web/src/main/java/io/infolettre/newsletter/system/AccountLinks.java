package io.infolettre.newsletter.system;

import java.util.Optional;

import io.infolettre.newsletter.people.Invitation;
import io.infolettre.newsletter.people.PasswordReset;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingLinks;
import io.infolettre.newsletter.tracking.TrackingTokens;
import io.infolettre.newsletter.tracking.TrackingTokens.Expiring;

import org.springframework.stereotype.Component;

/**
 * The links of the team's emails: an invitation ({@code /invitation/…}) and a password reset
 * ({@code /mot-de-passe/…}). A link carries the secret id of its grant and its expiry, encrypted and
 * signed with the installation's secret (as every public link is), so an altered link is refused
 * before any lookup and an expired one says so; the secret then works once (People).
 */
@Component
public class AccountLinks {

	private final TrackingTokens tokens;

	private final TrackingLinks links;

	AccountLinks(TrackingTokens tokens, TrackingLinks links) {
		this.tokens = tokens;
		this.links = links;
	}

	public String invitationUrl(Invitation invitation) {
		return this.links.baseUrl() + "/invitation/"
				+ this.tokens.issueExpiring(TokenPurpose.JOIN_TEAM, invitation.grantId(), invitation.expiresAt());
	}

	public String passwordResetUrl(PasswordReset reset) {
		return this.links.baseUrl() + "/mot-de-passe/"
				+ this.tokens.issueExpiring(TokenPurpose.RESET_PASSWORD, reset.grantId(), reset.expiresAt());
	}

	/** The grant an invitation link names (its expiry may have passed); empty when the link is not genuine. */
	Optional<Expiring> invitation(String token) {
		return this.tokens.verifyExpiring(TokenPurpose.JOIN_TEAM, token);
	}

	Optional<Expiring> passwordReset(String token) {
		return this.tokens.verifyExpiring(TokenPurpose.RESET_PASSWORD, token);
	}

}
