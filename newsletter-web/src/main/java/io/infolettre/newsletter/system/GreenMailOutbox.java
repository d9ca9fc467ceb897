package io.infolettre.newsletter.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

class GreenMailOutbox implements DevelopmentOutbox {

	private final GreenMail greenMail;

	GreenMailOutbox(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	@Override
	public List<CapturedMessage> latest(int limit) {
		MimeMessage[] messages = this.greenMail.getReceivedMessages();
		var result = new ArrayList<CapturedMessage>();
		for (int i = messages.length - 1; i >= 0 && result.size() < limit; i--) {
			result.add(capture(i, messages[i], false));
		}
		return result;
	}

	@Override
	public long size() {
		return this.greenMail.getReceivedMessages().length;
	}

	@Override
	public Optional<CapturedMessage> find(int index) {
		MimeMessage[] messages = this.greenMail.getReceivedMessages();
		if (index < 0 || index >= messages.length) {
			return Optional.empty();
		}
		return Optional.of(capture(index, messages[index], true));
	}

	private static CapturedMessage capture(int index, MimeMessage message, boolean withBodies) {
		try {
			String html = null;
			String text = null;
			String raw = null;
			if (withBodies) {
				if (message.getContent() instanceof Multipart multipart) {
					for (int i = 0; i < multipart.getCount(); i++) {
						BodyPart part = multipart.getBodyPart(i);
						if (part.isMimeType("text/html")) {
							html = (String) part.getContent();
						}
						else if (part.isMimeType("text/plain")) {
							text = (String) part.getContent();
						}
					}
				}
				var out = new ByteArrayOutputStream();
				message.writeTo(out);
				raw = out.toString(StandardCharsets.UTF_8);
			}
			return new CapturedMessage(index, addresses(message.getFrom()), addresses(message.getAllRecipients()),
					message.getSubject(),
					message.getReceivedDate() == null ? null : message.getReceivedDate().toInstant(), html, text, raw);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException("Cannot read captured message " + index, ex);
		}
	}

	private static String addresses(jakarta.mail.Address[] addresses) {
		if (addresses == null) {
			return "";
		}
		var parts = new ArrayList<String>();
		for (var address : addresses) {
			parts.add(address instanceof InternetAddress internet ? internet.toUnicodeString() : address.toString());
		}
		return String.join(", ", parts);
	}

}
