package io.infolettre.newsletter.mail.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array for writing one message. Unlike {@link java.io.ByteArrayOutputStream} it
 * takes no lock per write, and {@link QuotedPrintable} fills its array directly.
 */
final class MimeBuffer {

	// Open to the package so that the encoder's inner loop can work on the array itself.
	byte[] bytes;

	int length;

	MimeBuffer(int capacity) {
		this.bytes = new byte[Math.max(capacity, 64)];
	}

	/** Makes room for {@code more} bytes after the current length. */
	void reserve(int more) {
		if (this.length + more > this.bytes.length) {
			this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.length + more));
		}
	}

	MimeBuffer write(int b) {
		reserve(1);
		this.bytes[this.length++] = (byte) b;
		return this;
	}

	/** Writes text known to be US-ASCII, one byte a character. */
	MimeBuffer ascii(String text) {
		int n = text.length();
		reserve(n);
		for (int i = 0; i < n; i++) {
			this.bytes[this.length++] = (byte) text.charAt(i);
		}
		return this;
	}

	MimeBuffer utf8(String text) {
		byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
		reserve(encoded.length);
		System.arraycopy(encoded, 0, this.bytes, this.length, encoded.length);
		this.length += encoded.length;
		return this;
	}

	MimeBuffer crlf() {
		reserve(2);
		this.bytes[this.length++] = '\r';
		this.bytes[this.length++] = '\n';
		return this;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(this.bytes, this.length);
	}

}
