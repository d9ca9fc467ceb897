package io.infolettre.newsletter.shared;

/**
 * Who does something: a person of the team (through the admin pages or one of their API tokens), or
 * the platform itself (a scheduled send, a relay that came back). What the audit log records and an
 * approval names.
 *
 * @param personId the person's id, or null for the platform
 * @param name the person's name as shown (or « Système »)
 * @param tokenId the API token used, or null for a login session
 * @param address the client address the request came from, or null
 */
public record Actor(String personId, String name, String tokenId, String address) {

	public static final Actor SYSTEM = new Actor(null, "Système", null, null);

	public boolean isPerson() {
		return this.personId != null;
	}

}
