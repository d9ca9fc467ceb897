package io.infolettre.newsletter.people;

/**
 * INVITED (no password yet) → ACTIVE ⇄ DEACTIVATED. A deactivated person keeps their history (the
 * audit log and the reviews name them); reactivated, they log in with the password they had, or,
 * never having chosen one, are INVITED again and need a new invitation.
 */
public enum PersonStatus {

	INVITED, ACTIVE, DEACTIVATED

}
