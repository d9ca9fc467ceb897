package io.infolettre.newsletter.segment;

/**
 * Who an issue is addressed to: every active subscriber, or the active members of one list.
 * Unsubscribed, bounced and unconfirmed subscribers are never part of an audience.
 */
public record Audience(String list) {

	public static Audience allActive() {
		return new Audience(null);
	}

	public static Audience list(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A list audience needs a list name");
		}
		return new Audience(name.strip());
	}

	public boolean isWholeBase() {
		return this.list == null;
	}

}
