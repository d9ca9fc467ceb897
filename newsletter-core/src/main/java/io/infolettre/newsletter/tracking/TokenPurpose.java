package io.infolettre.newsletter.tracking;

/**
 * What a token may be used for; a token made for one purpose is refused for any other. {@code VIEW}:
 * a message on the web as its recipient received it; {@code ARCHIVE}: a sent issue in the public
 * archive (its id padded to a delivery id's length, tied to nobody).
 */
public enum TokenPurpose {

	OPEN((byte) 1), UNSUBSCRIBE((byte) 2), CLICK((byte) 3), PREFERENCES((byte) 4), VIEW((byte) 5), ARCHIVE((byte) 6),

	/** The link of a subscription's confirmation email; it carries its expiry. */
	CONFIRM_SUBSCRIPTION((byte) 7),

	/** The link of an invitation to join the team; it carries its expiry. */
	JOIN_TEAM((byte) 8),

	/** The link of a password reset email; it carries its expiry. */
	RESET_PASSWORD((byte) 9);

	private final byte code;

	TokenPurpose(byte code) {
		this.code = code;
	}

	public byte code() {
		return this.code;
	}

}
