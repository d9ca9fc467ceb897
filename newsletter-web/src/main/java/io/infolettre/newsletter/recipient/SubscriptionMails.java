package io.infolettre.newsletter.recipient;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.infolettre.newsletter.delivery.spi.MailConnection;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.subscriber.PendingSubscription;
import io.infolettre.newsletter.subscriber.SubscriptionRequest;
import io.infolettre.newsletter.subscriber.Subscriptions;
import io.infolettre.newsletter.tracking.TrackingLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import jakarta.annotation.PreDestroy;

/**
 * Takes a subscription request off the form's thread: storing it and sending the confirmation email
 * happen in the background, so that the form answers in the same time whatever the address (new,
 * pending, active, unsubscribed). The email goes through the same relay as the newsletter (the
 * engine's mail gateway); it is transactional, with no List-Unsubscribe. An address already active
 * gets the same confirmation email: confirming it adds the lists chosen and records an express
 * consent, and changes nothing else of the person. The email carries nothing the visitor typed (not
 * even a first name to greet): anyone may type anything with anyone's address, and our relay must
 * not carry it. An address that complained about our messages gets none, and no address gets more
 * than {@link SubscriptionSettings#confirmationsPerAddress} a day.
 */
@Component
class SubscriptionMails {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionMails.class);

	private static final ZoneId ZONE = ZoneId.of("America/Toronto");

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(10_000), runnable -> {
				Thread thread = new Thread(runnable, "subscription-mail");
				thread.setDaemon(true);
				return thread;
			});

	private final Subscriptions subscriptions;

	private final SubscriptionSettings settings;

	private final MailGateway gateway;

	private final TrackingLinks links;

	private final SenderIdentity sender;

	private final MessageSource messages;

	SubscriptionMails(Subscriptions subscriptions, SubscriptionSettings settings, MailGateway gateway,
			TrackingLinks links, SenderIdentity sender, MessageSource messages) {
		this.subscriptions = subscriptions;
		this.settings = settings;
		this.gateway = gateway;
		this.links = links;
		this.sender = sender;
		this.messages = messages;
	}

	/** Queues the request; returns at once. */
	void submit(SubscriptionRequest request) {
		try {
			this.executor.execute(() -> handle(request));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Subscription request dropped: the queue is full");
		}
	}

	private void handle(SubscriptionRequest request) {
		try {
			Optional<PendingSubscription> pending = this.subscriptions.request(request,
					this.settings.confirmationsPerAddress());
			if (pending.isEmpty()) {
				return;
			}
			try (MailConnection connection = this.gateway.connect()) {
				connection.send(message(pending.get()));
			}
		}
		catch (RuntimeException ex) {
			log.error("Could not handle a subscription request", ex);
		}
	}

	OutgoingMessage message(PendingSubscription pending) {
		Locale locale = "en".equals(pending.language()) ? Locale.CANADA : Locale.CANADA_FRENCH;
		String url = this.links.subscriptionConfirmationUrl(pending.requestId(), pending.expiresAt(),
				pending.language());
		String until = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(locale)
			.format(pending.expiresAt().atZone(ZONE));
		String organisation = this.sender.organisation();
		String subject = text("subscribe.mail.subject", locale, organisation);
		String greeting = text("subscribe.mail.hello", locale);
		String body = text("subscribe.mail.body", locale, organisation, until);
		String ignore = text("subscribe.mail.ignore", locale);
		String button = text("subscribe.mail.button", locale);
		String plain = greeting + "\n\n" + body + "\n\n" + url + "\n\n" + ignore + "\n\n-- \n" + organisation + "\n"
				+ String.join("\n", this.sender.mailingAddressLines()) + "\n";
		String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\"><title>"
				+ HtmlUtils.htmlEscape(subject) + "</title></head><body style=\"font-family:sans-serif\"><p>"
				+ HtmlUtils.htmlEscape(greeting) + "</p><p>" + HtmlUtils.htmlEscape(body) + "</p><p><a href=\""
				+ HtmlUtils.htmlEscape(url) + "\" style=\"display:inline-block;padding:10px 16px;background:#0d6efd;"
				+ "color:#fff;text-decoration:none;border-radius:4px\">" + HtmlUtils.htmlEscape(button)
				+ "</a></p><p style=\"color:#555\">" + HtmlUtils.htmlEscape(ignore) + "</p><hr><p style=\"color:#555\">"
				+ HtmlUtils.htmlEscape(organisation) + "<br>"
				+ String.join("<br>", this.sender.mailingAddressLines().stream().map(HtmlUtils::htmlEscape).toList())
				+ "</p></body></html>";
		String domain = this.sender.email().substring(this.sender.email().indexOf('@') + 1);
		return new OutgoingMessage("<inscription." + UUID.randomUUID() + "@" + domain + ">", this.sender.name(),
				this.sender.email(), null, pending.email().value(), subject, html, plain, null);
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

	@PreDestroy
	void stop() {
		this.executor.shutdown();
	}

}
