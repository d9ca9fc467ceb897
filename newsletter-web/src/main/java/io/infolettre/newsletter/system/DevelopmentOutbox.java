package io.infolettre.newsletter.system;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The messages captured by the development SMTP server, newest first. */
public interface DevelopmentOutbox {

	List<CapturedMessage> latest(int limit);

	long size();

	Optional<CapturedMessage> find(int index);

	record CapturedMessage(int index, String from, String to, String subject, Instant receivedAt, String html,
			String text, String raw) {
	}

}
