package io.infolettre.newsletter.support;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The team's emails (invitations, password resets) as the test SMTP server received them. */
public final class TeamMails {

	private static final Pattern LINK = Pattern.compile("https?://\\S+/(invitation|mot-de-passe)/[A-Za-z0-9_-]+(\\?lang=[a-z]+)?");

	private TeamMails() {
	}

	/** The latest message to this address whose subject starts so, once it arrived. */
	public static MimeMessage awaitMessage(String address, String subjectStart) {
		return awaitMessages(address, subjectStart, 1);
	}

	/** The latest message once {@code count} such messages arrived. */
	public static MimeMessage awaitMessages(String address, String subjectStart, int count) {
		MimeMessage[] found = new MimeMessage[1];
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			var matching = Arrays.stream(TestMailServer.get().getReceivedMessages())
				.filter(m -> TestMailServer.recipient(m).equalsIgnoreCase(address))
				.filter(m -> subject(m).startsWith(subjectStart))
				.sorted(Comparator.comparing(TeamMails::sentDate))
				.toList();
			found[0] = matching.size() >= count ? matching.get(matching.size() - 1) : null;
			return found[0] != null;
		});
		return found[0];
	}

	/** How many messages this address received. */
	public static long count(String address) {
		return Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> TestMailServer.recipient(m).equalsIgnoreCase(address))
			.count();
	}

	/** The path and query of the message's link (invitation or reset), from its text part. */
	public static String linkPath(MimeMessage message) {
		String text = part(message, "text/plain");
		Matcher link = LINK.matcher(text);
		assertThat(link.find()).as(text).isTrue();
		URI uri = URI.create(link.group());
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	public static String part(MimeMessage message, String type) {
		try {
			MimeMultipart multipart = (MimeMultipart) message.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType(type)) {
					return (String) part.getContent();
				}
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		throw new AssertionError("no " + type + " part");
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject() == null ? "" : message.getSubject();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static java.util.Date sentDate(MimeMessage message) {
		try {
			return message.getSentDate() == null ? new java.util.Date(0) : message.getSentDate();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
