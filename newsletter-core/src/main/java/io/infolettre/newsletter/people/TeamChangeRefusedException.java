package io.infolettre.newsletter.people;

/**
 * A change to the team that its rules refuse (the last active administrator demoted or deactivated,
 * an address already taken, an invitation for someone already active…); the message says why, in
 * French, for the person who asked.
 */
public class TeamChangeRefusedException extends RuntimeException {

	public TeamChangeRefusedException(String reason) {
		super(reason);
	}

}
