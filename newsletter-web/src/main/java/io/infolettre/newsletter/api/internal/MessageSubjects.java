package io.infolettre.newsletter.api.internal;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Reads the subject of a message posted as it arrived (RFC 5322, encoded-words decoded). */
public final class MessageSubjects {

	private MessageSubjects() {
	}

	/** The subject, or empty when the message has none or cannot be read. */
	public static Optional<String> of(byte[] message) {
		try {
			var mime = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message));
			return Optional.ofNullable(mime.getSubject());
		}
		catch (MessagingException ex) {
			return Optional.empty();
		}
	}

}
