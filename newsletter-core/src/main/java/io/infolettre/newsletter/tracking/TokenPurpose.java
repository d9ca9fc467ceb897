package io.infolettre.newsletter.tracking;

/** What a token may be used for; a token made for one purpose is refused for any other. */
public enum TokenPurpose {

	OPEN((byte) 1), UNSUBSCRIBE((byte) 2), CLICK((byte) 3), PREFERENCES((byte) 4),

	/** The link of a subscription's confirmation email; it carries its expiry. */
	CONFIRM_SUBSCRIPTION((byte) 5);

	private final byte code;

	TokenPurpose(byte code) {
		this.code = code;
	}

	public byte code() {
		return this.code;
	}

}
