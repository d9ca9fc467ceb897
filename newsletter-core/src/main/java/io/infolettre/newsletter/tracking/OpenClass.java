package io.infolettre.newsletter.tracking;

/**
 * Who opened a message, as far as the request tells. Only {@link #HUMAN} and {@link #IMAGE_PROXY}
 * opens count as opens in reports: a webmail's image proxy fetches the image when its reader opens
 * the message; Apple's Mail Privacy Protection fetches every image in advance, and security scanners
 * fetch everything.
 */
public enum OpenClass {

	HUMAN, IMAGE_PROXY, APPLE_PRIVACY, SCANNER;

	/** Whether an open of this class says that a person read the message. */
	public boolean isRead() {
		return this == HUMAN || this == IMAGE_PROXY;
	}

}
