package io.infolettre.newsletter.segment;

/**
 * Who an issue is addressed to: every active subscriber, the active members of one list, or those of
 * a saved segment, evaluated when the issue is sent (never copied into a list beforehand).
 * Unsubscribed, bounced and unconfirmed subscribers, and those whose consent lapsed or was withdrawn,
 * are never part of an audience, whatever the segment says.
 *
 * @param list a static list's name, or {@code null}
 * @param segment a saved segment's id, or {@code null}
 */
public record Audience(String list, String segment) {

	public Audience {
		if (list != null && segment != null) {
			throw new IllegalArgumentException("Une audience est une liste ou un segment, pas les deux");
		}
	}

	public static Audience allActive() {
		return new Audience(null, null);
	}

	public static Audience list(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A list audience needs a list name");
		}
		return new Audience(name.strip(), null);
	}

	public static Audience segment(String id) {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("A segment audience needs a segment id");
		}
		return new Audience(null, id.strip());
	}

	public boolean isWholeBase() {
		return this.list == null && this.segment == null;
	}

	public boolean targetsSegment() {
		return this.segment != null;
	}

}
