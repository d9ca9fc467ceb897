package io.infolettre.newsletter.mail.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;

/**
 * A message whose bytes were written beforehand (by {@link MimeWriter}). Its headers are loaded as
 * those of a received message would be, so the transport finds the envelope (From, recipients)
 * where it always does; the body is shared, not copied. Written unchanged, it goes out as the very
 * bytes it was made of.
 * <p>
 * It stays an ordinary MimeMessage otherwise: if something changes it (SMTPTransport re-encodes the
 * parts in 8 bits and saves the changes when {@code mail.smtp.allow8bitmime} is on and the server
 * offers 8BITMIME), Jakarta Mail writes it the usual way.
 */
final class PreEncodedMimeMessage extends MimeMessage {

	private final byte[] bytes;

	private boolean written;

	private boolean headersChanged;

	PreEncodedMimeMessage(Session session, byte[] bytes) {
		super(session);
		this.bytes = bytes;
		int body = loadHeaders(bytes);
		this.contentStream = new SharedByteArrayInputStream(bytes, body, bytes.length - body);
		this.modified = false;
		this.saved = true;
	}

	/**
	 * What MimeMessage.parse does, without reading the headers a byte at a time through stream
	 * layers (15 µs a message). Each field goes in with its folded lines, CRLF kept between them,
	 * as InternetHeaders reads it; lines are UTF-8, for an address is written as given.
	 * @return where the body starts
	 */
	private int loadHeaders(byte[] bytes) {
		int field = 0;
		int line = 0;
		while (true) {
			int end = indexOfCrlf(bytes, line);
			boolean continuation = end > line && (bytes[line] == ' ' || bytes[line] == '\t');
			if (!continuation && line > field) {
				this.headers.addHeaderLine(new String(bytes, field, line - 2 - field, StandardCharsets.UTF_8));
				field = line;
			}
			if (end == line) {
				return end + 2;
			}
			line = end + 2;
		}
	}

	private static int indexOfCrlf(byte[] bytes, int from) {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		throw new IllegalArgumentException("The message has no end of headers");
	}

	@Override
	public void writeTo(OutputStream os, String[] ignoreList) throws IOException, MessagingException {
		if (this.modified || !this.saved || this.headersChanged || holdsAny(ignoreList)) {
			super.writeTo(os, ignoreList);
		}
		else {
			os.write(this.bytes);
			os.flush();
		}
		this.written = true;
	}

	/**
	 * Whether the whole message was handed to the transport since {@link #forgetWritten()}: a
	 * connection lost after that may have lost only the relay's reply.
	 */
	boolean wasWritten() {
		return this.written;
	}

	void forgetWritten() {
		this.written = false;
	}

	// SMTPTransport leaves out Bcc and Content-Length; the writer puts neither in.
	private boolean holdsAny(String[] headerNames) throws MessagingException {
		if (headerNames != null) {
			for (String name : headerNames) {
				if (getHeader(name) != null) {
					return true;
				}
			}
		}
		return false;
	}

	// Every header setter of MimeMessage (setFrom, setSubject...) comes down to one of these four.

	@Override
	public void setHeader(String name, String value) throws MessagingException {
		this.headersChanged = true;
		super.setHeader(name, value);
	}

	@Override
	public void addHeader(String name, String value) throws MessagingException {
		this.headersChanged = true;
		super.addHeader(name, value);
	}

	@Override
	public void addHeaderLine(String line) throws MessagingException {
		this.headersChanged = true;
		super.addHeaderLine(line);
	}

	@Override
	public void removeHeader(String name) throws MessagingException {
		this.headersChanged = true;
		super.removeHeader(name);
	}

	/** Keeps the stable Message-ID the message was written with. */
	@Override
	protected void updateMessageID() {
	}

}
