package io.infolettre.newsletter.people;

/** INVITED (no password yet) → ACTIVE ⇄ DEACTIVATED. A deactivated person keeps their history. */
public enum PersonStatus {

	INVITED, ACTIVE, DEACTIVATED

}
