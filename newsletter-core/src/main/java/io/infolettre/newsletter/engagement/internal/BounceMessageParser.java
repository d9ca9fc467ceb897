package io.infolettre.newsletter.engagement.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import io.infolettre.newsletter.delivery.BounceReport;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;

/**
 * Reads a bounce message into a report about the message it returns: a delivery status
 * notification (RFC 3464, as Postfix and most servers send) or a spam complaint in the Abuse
 * Reporting Format (RFC 5965, as feedback loops send). The message it is about is named by the
 * Message-ID in its returned headers. Anything else (a delay warning, an out-of-office reply) gives
 * nothing.
 */
public final class BounceMessageParser {

	private static final Session SESSION = Session.getInstance(new Properties());

	private static final int MAX_DEPTH = 4;

	private static final int MAX_PARTS = 50;

	private BounceMessageParser() {
	}

	/**
	 * @param body the bounce message as received (headers and body), or only its body when the content
	 * type says what it is (a multipart body with its boundary, or the delivery status fields alone)
	 * @param contentType the Content-Type the body came with
	 */
	public static Optional<BounceReport> parse(byte[] body, String contentType) {
		try {
			var message = new MimeMessage(SESSION, new ByteArrayInputStream(asMessage(body, contentType)));
			var found = new Found();
			visit(message, found, 0);
			return found.report();
		}
		catch (MessagingException | IOException ex) {
			return Optional.empty();
		}
	}

	// A body without its headers gets the request's Content-Type as its own. A whole message posted
	// with its multipart type keeps working: its headers become the preamble, which MIME skips.
	private static byte[] asMessage(byte[] body, String contentType) throws ParseException {
		if (contentType == null) {
			return body;
		}
		var type = new ContentType(contentType);
		boolean multipartBody = type.match("multipart/*") && type.getParameter("boundary") != null;
		boolean fieldsAlone = isDeliveryStatus(type) && !hasContentType(body);
		if (!multipartBody && !fieldsAlone) {
			return body;
		}
		byte[] headers = ("MIME-Version: 1.0\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
		var wrapped = new ByteArrayOutputStream(headers.length + body.length);
		wrapped.writeBytes(headers);
		wrapped.writeBytes(body);
		return wrapped.toByteArray();
	}

	private static boolean hasContentType(byte[] message) {
		try {
			return new InternetHeaders(new ByteArrayInputStream(message), true).getHeader("Content-Type") != null;
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static void visit(Part part, Found found, int depth) throws MessagingException, IOException {
		var type = new ContentType(part.getContentType());
		if (type.match("multipart/*") && depth < MAX_DEPTH) {
			var multipart = (Multipart) part.getContent();
			for (int i = 0; i < Math.min(multipart.getCount(), MAX_PARTS); i++) {
				visit(multipart.getBodyPart(i), found, depth + 1);
			}
		}
		else if (isDeliveryStatus(type)) {
			found.deliveryStatus(blocks(part.getInputStream()));
		}
		else if (type.match("message/feedback-report")) {
			found.feedback(blocks(part.getInputStream()));
		}
		// the returned message, whole or its headers only: its Message-ID is ours
		else if (type.match("text/rfc822-headers") || type.match("message/rfc822-headers")
				|| type.match("message/rfc822") || type.match("message/global")
				|| type.match("message/global-headers")) {
			found.returnedHeaders(new InternetHeaders(part.getInputStream(), true));
		}
	}

	private static boolean isDeliveryStatus(ContentType type) {
		return type.match("message/delivery-status") || type.match("message/global-delivery-status");
	}

	// Delivery status and feedback fields are header-like blocks separated by blank lines: the first
	// about the message, then one per recipient.
	private static List<InternetHeaders> blocks(InputStream in) throws MessagingException, IOException {
		var bytes = new ByteArrayInputStream(in.readNBytes(64 * 1024));
		List<InternetHeaders> blocks = new ArrayList<>();
		while (bytes.available() > 0 && blocks.size() < MAX_PARTS) {
			var block = new InternetHeaders(bytes, true);
			if (block.getAllHeaderLines().hasMoreElements()) {
				blocks.add(block);
			}
		}
		return blocks;
	}

	private static String field(InternetHeaders headers, String name) {
		String value = headers.getHeader(name, null);
		// a long field is folded over several lines
		return value == null ? null : MimeUtility.unfold(value).replaceAll("\\s+", " ").strip();
	}

	/** What the walk found so far. */
	private static final class Found {

		private BounceReport.Type type;

		private String diagnostic;

		private String messageId;

		void deliveryStatus(List<InternetHeaders> blocks) {
			// the first block is about the message (Reporting-MTA, Arrival-Date, no Action); the rest
			// are one per recipient
			for (InternetHeaders recipient : blocks) {
				String action = field(recipient, "Action");
				if (this.type != null || action == null || !action.toLowerCase(Locale.ROOT).startsWith("failed")) {
					// delayed, delivered, relayed, expanded: not a bounce
					continue;
				}
				String status = field(recipient, "Status");
				String diagnostic = withoutType(field(recipient, "Diagnostic-Code"));
				this.type = isTemporary(status, diagnostic) ? BounceReport.Type.SOFT : BounceReport.Type.HARD;
				this.diagnostic = diagnostic != null ? diagnostic : status;
			}
		}

		void feedback(List<InternetHeaders> blocks) {
			String feedbackType = blocks.isEmpty() ? null : field(blocks.get(0), "Feedback-Type");
			if (this.type == null && feedbackType != null && feedbackType.equalsIgnoreCase("abuse")) {
				this.type = BounceReport.Type.COMPLAINT;
				this.diagnostic = "Signalé comme indésirable (Feedback-Type: abuse)";
			}
		}

		void returnedHeaders(InternetHeaders headers) {
			if (this.messageId == null) {
				this.messageId = field(headers, "Message-ID");
			}
		}

		Optional<BounceReport> report() {
			return this.type == null || this.messageId == null ? Optional.empty()
					: Optional.of(new BounceReport(this.messageId, this.type, this.diagnostic));
		}

		// Status 4.x.x: the remote server gave up on a temporary problem; 5.x.x: for good. Without a
		// status the SMTP reply code tells the same.
		private static boolean isTemporary(String status, String diagnostic) {
			if (status != null && !status.isEmpty()) {
				return status.charAt(0) == '4';
			}
			return diagnostic != null && diagnostic.startsWith("4");
		}

		// "smtp; 550 5.1.1 …" → "550 5.1.1 …"
		private static String withoutType(String diagnosticCode) {
			if (diagnosticCode == null) {
				return null;
			}
			int semicolon = diagnosticCode.indexOf(';');
			return semicolon < 0 ? diagnosticCode : diagnosticCode.substring(semicolon + 1).strip();
		}

	}

}
