package io.infolettre.newsletter.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Bounce messages as mail servers write them, about a message of ours. */
public final class TestBounces {

	private TestBounces() {
	}

	/**
	 * Postfix's bounce of a message to an unknown user ({@code Status: 5.1.1}), with its French and
	 * English notice, returning the headers of the message with this Message-ID.
	 */
	public static byte[] postfixUserUnknown(String messageId) {
		try (InputStream in = TestBounces.class.getResourceAsStream("/bounces/postfix-user-unknown.eml")) {
			String template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return template.replace("{{MESSAGE_ID}}", messageId.replaceAll("[<>]", ""))
				.getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
