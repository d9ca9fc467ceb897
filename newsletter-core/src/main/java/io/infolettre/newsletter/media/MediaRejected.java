package io.infolettre.newsletter.media;

/**
 * An upload refused: not an image the library takes, damaged, or too large. Its message is a French
 * sentence for the coordinator. Nothing of the upload was stored.
 */
public class MediaRejected extends RuntimeException {

	private final boolean tooLarge;

	public MediaRejected(String message) {
		this(message, false, null);
	}

	public MediaRejected(String message, Throwable cause) {
		this(message, false, cause);
	}

	private MediaRejected(String message, boolean tooLarge, Throwable cause) {
		super(message, cause);
		this.tooLarge = tooLarge;
	}

	/** A refusal for the size of the file alone (HTTP answers it with 413). */
	public static MediaRejected tooLarge(String message) {
		return new MediaRejected(message, true, null);
	}

	public boolean isTooLarge() {
		return this.tooLarge;
	}

}
