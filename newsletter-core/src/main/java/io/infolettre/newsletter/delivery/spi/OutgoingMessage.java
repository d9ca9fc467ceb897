package io.infolettre.newsletter.delivery.spi;

/**
 * One message ready for the wire. Header values are single lines; the gateway refuses CR and LF.
 *
 * @param messageId the Message-ID, angle brackets included; stable per delivery
 * @param listUnsubscribeUrl the https URL for List-Unsubscribe and its one-click POST (RFC 8058); null for a
 * transactional message (a subscription to confirm) or a test, which carry no List-Unsubscribe
 * @param listUnsubscribeMailto the mailto: fallback of List-Unsubscribe (RFC 2369), or null
 * @param replyTo the Reply-To address, or null (replies go to the sender)
 * @param test a test message: marked {@code X-Infolettre-Test: 1}, recorded nowhere
 */
public record OutgoingMessage(String messageId, String fromName, String fromAddress, String toName,
		String toAddress, String subject, String html, String text, String listUnsubscribeUrl,
		String listUnsubscribeMailto, String replyTo, boolean test) {

	public OutgoingMessage(String messageId, String fromName, String fromAddress, String toName, String toAddress,
			String subject, String html, String text, String listUnsubscribeUrl, String listUnsubscribeMailto) {
		this(messageId, fromName, fromAddress, toName, toAddress, subject, html, text, listUnsubscribeUrl,
				listUnsubscribeMailto, null, false);
	}

	public OutgoingMessage(String messageId, String fromName, String fromAddress, String toName, String toAddress,
			String subject, String html, String text, String listUnsubscribeUrl) {
		this(messageId, fromName, fromAddress, toName, toAddress, subject, html, text, listUnsubscribeUrl, null, null,
				false);
	}

}
