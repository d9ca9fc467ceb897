package io.infolettre.newsletter.subscriber;

/** What an import does with the addresses of its file. */
public enum ImportMode {

	/** Adds the addresses not known yet; known ones are left as they are. */
	ADD_NEW,

	/** Adds the new addresses and brings the known ones up to date (only the values that differ). */
	ADD_AND_UPDATE,

	/**
	 * Unsubscribes the listed addresses (recorded in the unsubscribe log) and blocks the unknown ones,
	 * so that no later import or form can add them without a new consent.
	 */
	UNSUBSCRIBE

}
