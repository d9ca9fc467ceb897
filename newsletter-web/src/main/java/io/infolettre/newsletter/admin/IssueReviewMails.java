package io.infolettre.newsletter.admin;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.infolettre.newsletter.delivery.spi.MailConnection;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import io.infolettre.newsletter.issue.IssueApproved;
import io.infolettre.newsletter.issue.IssueChangesRequested;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueSubmitted;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.tracking.TrackingSettings;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The review's notifications, through the same relay as the newsletters: a draft submitted goes to
 * every active person who may approve it (but its author), an approval or a request for changes goes
 * back to the author. Sent off the request's thread (a slow relay never slows a click); a message
 * that cannot go is logged, and the issue page still says where the review stands.
 */
@Component
class IssueReviewMails {

	private static final Logger log = LoggerFactory.getLogger(IssueReviewMails.class);

	// the team reads French first; the messages_en texts serve an English page, not these emails
	private static final Locale FRENCH = Locale.CANADA_FRENCH;

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1_000), runnable -> {
				Thread thread = new Thread(runnable, "review-mail");
				thread.setDaemon(true);
				return thread;
			});

	private final People people;

	private final IssueManagement issues;

	private final MailGateway gateway;

	private final SenderIdentity sender;

	private final MessageSource messages;

	private final String adminUrl;

	IssueReviewMails(People people, IssueManagement issues, MailGateway gateway, SenderIdentity sender,
			MessageSource messages, TrackingSettings tracking) {
		this.people = people;
		this.issues = issues;
		this.gateway = gateway;
		this.sender = sender;
		this.messages = messages;
		this.adminUrl = tracking.publicUrl().replaceAll("/+$", "") + "/admin/issues/";
	}

	@EventListener
	void on(IssueSubmitted submitted) {
		String key = submitted.afterApproval() ? "review.mail.resubmitted" : "review.mail.submitted";
		String subject = text(key + ".subject", submitted.title());
		StringBuilder body = new StringBuilder(text(key + ".body", submitted.author().name(), submitted.title()));
		if (submitted.note() != null) {
			body.append("\n\n").append(text("review.mail.note", submitted.note()));
		}
		List<Person> approvers = approvers().stream()
			.filter(person -> !Objects.equals(person.id(), submitted.author().personId()))
			.toList();
		queue(approvers, subject, body.toString(), submitted.issueId());
	}

	@EventListener
	void on(IssueApproved approved) {
		queue(author(approved.authorId()), text("review.mail.approved.subject", approved.title()),
				text("review.mail.approved.body", approved.approver().name(), approved.title()), approved.issueId());
	}

	@EventListener
	void on(IssueChangesRequested requested) {
		queue(author(requested.authorId()), text("review.mail.changesRequested.subject", requested.title()),
				text("review.mail.changesRequested.body", requested.reviewer().name(), requested.title()) + "\n\n"
						+ text("review.mail.comment", requested.comment()),
				requested.issueId());
	}

	/** Active people whose role may approve under the team's current rule. */
	private List<Person> approvers() {
		return this.people.withPermission(Permission.ISSUES_APPROVE, this.issues.approvalRequired());
	}

	private List<Person> author(String personId) {
		return personId == null ? List.of() : this.people.find(personId).filter(Person::isActive).stream().toList();
	}

	private void queue(List<Person> recipients, String subject, String body, String issueId) {
		List<Person> reachable = recipients.stream()
			.filter(person -> person.email() != null && !person.email().isBlank())
			.toList();
		if (reachable.isEmpty()) {
			return;
		}
		try {
			this.executor.execute(() -> send(reachable, subject, body, this.adminUrl + issueId));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Review notification dropped: the queue is full");
		}
	}

	private void send(List<Person> recipients, String subject, String body, String link) {
		try (MailConnection connection = this.gateway.connect()) {
			for (Person person : recipients) {
				connection.send(message(person, subject, body, link));
			}
		}
		catch (RuntimeException ex) {
			log.error("Could not send a review notification « {} »", subject, ex);
		}
	}

	OutgoingMessage message(Person to, String subject, String body, String link) {
		String greeting = text("review.mail.hello", to.displayName());
		String button = text("review.mail.button");
		String plain = greeting + "\n\n" + body + "\n\n" + button + " : " + link + "\n\n-- \n" + this.sender.organisation()
				+ "\n";
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"UTF-8\"><title>")
			.append(HtmlUtils.htmlEscape(subject))
			.append("</title></head><body style=\"font-family:sans-serif\"><p>")
			.append(HtmlUtils.htmlEscape(greeting))
			.append("</p>");
		for (String paragraph : body.split("\n\n")) {
			html.append("<p style=\"white-space:pre-wrap\">").append(HtmlUtils.htmlEscape(paragraph)).append("</p>");
		}
		html.append("<p><a href=\"")
			.append(HtmlUtils.htmlEscape(link))
			.append("\" style=\"display:inline-block;padding:10px 16px;background:#0d6efd;color:#fff;")
			.append("text-decoration:none;border-radius:4px\">")
			.append(HtmlUtils.htmlEscape(button))
			.append("</a></p><hr><p style=\"color:#555\">")
			.append(HtmlUtils.htmlEscape(this.sender.organisation()))
			.append("</p></body></html>");
		String domain = this.sender.email().substring(this.sender.email().indexOf('@') + 1);
		return new OutgoingMessage("<approbation." + UUID.randomUUID() + "@" + domain + ">", this.sender.name(),
				this.sender.email(), to.displayName(), to.email(), oneLine(subject), html.toString(), plain, null);
	}

	// a title is typed by a person: the gateway refuses a header with a line break
	private static String oneLine(String value) {
		return value.replaceAll("[\\r\\n]+", " ");
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, FRENCH);
	}

	@PreDestroy
	void stop() {
		this.executor.shutdown();
	}

}
