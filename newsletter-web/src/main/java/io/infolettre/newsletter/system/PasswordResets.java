package io.infolettre.newsletter.system;

import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.infolettre.newsletter.people.People;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Takes a « mot de passe oublié » request off the page's thread: looking the address up and sending
 * the email happen in the background, so that the page answers the same, in the same time, whether
 * the address is a person's of the team or not. Only an active person gets an email; a newer
 * request replaces the link of an earlier one.
 */
@Component
class PasswordResets {

	private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);

	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1_000), runnable -> {
				Thread thread = new Thread(runnable, "password-reset-mail");
				thread.setDaemon(true);
				return thread;
			});

	private final People people;

	private final AccountMails mails;

	PasswordResets(People people, AccountMails mails) {
		this.people = people;
		this.mails = mails;
	}

	void submit(String login, Locale locale) {
		if (login == null || login.isBlank() || login.length() > 254) {
			return;
		}
		try {
			this.executor.execute(() -> handle(login, locale));
		}
		catch (RejectedExecutionException ex) {
			log.warn("Password reset request dropped: the queue is full");
		}
	}

	private void handle(String login, Locale locale) {
		try {
			this.people.requestPasswordReset(login).ifPresent(reset -> this.mails.sendPasswordReset(reset, locale));
		}
		catch (RuntimeException ex) {
			log.error("Could not send a password reset email", ex);
		}
	}

	@PreDestroy
	void stop() {
		this.executor.shutdown();
	}

}
