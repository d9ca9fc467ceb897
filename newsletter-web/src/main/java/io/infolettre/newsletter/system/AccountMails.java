package io.infolettre.newsletter.system;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;

import io.infolettre.newsletter.delivery.spi.MailConnection;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import io.infolettre.newsletter.delivery.spi.SendResult;
import io.infolettre.newsletter.people.Invitation;
import io.infolettre.newsletter.people.PasswordReset;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.rendering.SenderIdentity;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The team's transactional emails, an invitation and a password reset, through the same relay as the
 * newsletters (the engine's mail gateway), from the installation's sender, without List-Unsubscribe.
 * Each carries its link, until when it works, and what to do when it was not expected.
 */
@Component
class AccountMails {

	private static final ZoneId ZONE = ZoneId.of("America/Toronto");

	private final MailGateway gateway;

	private final AccountLinks links;

	private final SenderIdentity sender;

	private final MessageSource messages;

	AccountMails(MailGateway gateway, AccountLinks links, SenderIdentity sender, MessageSource messages) {
		this.gateway = gateway;
		this.links = links;
		this.sender = sender;
		this.messages = messages;
	}

	/** @throws MailNotSentException when the relay refuses it or cannot be reached */
	void sendInvitation(Invitation invitation, String invitedBy, Locale locale) {
		Person person = invitation.person();
		String role = text("role." + person.role().name(), locale);
		send(person, "invitation",
				text("people.mail.invitation.subject", locale, this.sender.organisation()),
				text("people.mail.invitation.body", locale, invitedBy, this.sender.organisation(), role,
						until(invitation.expiresAt(), locale)),
				this.links.invitationUrl(invitation), locale);
	}

	/** @throws MailNotSentException when the relay refuses it or cannot be reached */
	void sendPasswordReset(PasswordReset reset, Locale locale) {
		Person person = reset.person();
		send(person, "mot-de-passe", text("people.mail.reset.subject", locale),
				text("people.mail.reset.body", locale, person.email() == null ? person.login() : person.email(),
						until(reset.expiresAt(), locale)),
				this.links.passwordResetUrl(reset), locale);
	}

	private void send(Person person, String kind, String subject, String body, String url, Locale locale) {
		String prefix = "people.mail." + ("invitation".equals(kind) ? "invitation" : "reset");
		String greeting = person.name() == null ? text("people.mail.hello", locale)
				: text("people.mail.helloName", locale, person.name());
		String button = text(prefix + ".button", locale);
		String ignore = text(prefix + ".ignore", locale);
		String organisation = this.sender.organisation();
		String plain = greeting + "\n\n" + body + "\n\n" + url + "\n\n" + ignore + "\n\n-- \n" + organisation + "\n";
		String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"><title>"
				+ HtmlUtils.htmlEscape(subject) + "</title></head><body style=\"font-family:sans-serif\"><p>"
				+ HtmlUtils.htmlEscape(greeting) + "</p><p>" + HtmlUtils.htmlEscape(body) + "</p><p><a href=\""
				+ HtmlUtils.htmlEscape(url) + "\" style=\"display:inline-block;padding:10px 16px;background:#0d6efd;"
				+ "color:#fff;text-decoration:none;border-radius:4px\">" + HtmlUtils.htmlEscape(button)
				+ "</a></p><p style=\"color:#555\">" + HtmlUtils.htmlEscape(ignore) + "</p><hr><p style=\"color:#555\">"
				+ HtmlUtils.htmlEscape(organisation) + "</p></body></html>";
		String address = person.email() == null ? person.login() : person.email();
		String domain = this.sender.email().substring(this.sender.email().indexOf('@') + 1);
		var message = new OutgoingMessage("<" + kind + "." + UUID.randomUUID() + "@" + domain + ">", this.sender.name(),
				this.sender.email(), person.name(), address, subject, html, plain, null);
		SendResult result;
		try (MailConnection connection = this.gateway.connect()) {
			result = connection.send(message);
		}
		catch (RuntimeException ex) {
			throw new MailNotSentException(ex.getMessage(), ex);
		}
		if (result instanceof SendResult.Rejected rejected) {
			throw new MailNotSentException(rejected.code() + " " + rejected.reply(), null);
		}
	}

	private static String until(Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(locale)
			.format(instant.atZone(ZONE));
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
