package io.infolettre.newsletter.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberManagement;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Adds subscribers in batches. Invalid entries are reported by position and the valid ones are
 * added; addresses already known are left as they are (adding the same batch twice changes nothing).
 */
@RestController
@RequestMapping("/api/v1/subscribers")
class SubscriberApiController {

	static final int MAX_BATCH = 10_000;

	private final SubscriberManagement subscribers;

	private final Clock clock;

	SubscriberApiController(SubscriberManagement subscribers, Clock clock) {
		this.subscribers = subscribers;
		this.clock = clock;
	}

	@PostMapping
	SubscriberImportResult add(@RequestBody List<NewSubscriberRequest> batch) {
		if (batch.size() > MAX_BATCH) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
					"Au plus " + MAX_BATCH + " abonnés par requête");
		}
		var now = this.clock.instant();
		var consent = Consent.express(Consent.Channel.API, "API d’administration",
				"Ajouté par l'API d'administration", null, now);
		List<Subscriber> valid = new ArrayList<>(batch.size());
		List<SubscriberImportResult.Invalid> invalid = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < batch.size(); i++) {
			NewSubscriberRequest request = batch.get(i);
			var email = EmailAddress.parse(request == null ? null : request.email());
			if (email.isEmpty()) {
				invalid.add(new SubscriberImportResult.Invalid(i, request == null ? null : request.email(),
						"Adresse courriel invalide"));
				continue;
			}
			if (!seen.add(email.get().value())) {
				invalid.add(new SubscriberImportResult.Invalid(i, request.email(), "En double dans la requête"));
				continue;
			}
			valid.add(toSubscriber(email.get(), request, consent, now));
		}
		return new SubscriberImportResult(batch.size(), this.subscribers.addAll(valid), invalid);
	}

	private static Subscriber toSubscriber(EmailAddress email, NewSubscriberRequest request, Consent consent,
			Instant now) {
		var language = "en".equalsIgnoreCase(request.language()) ? "en" : "fr";
		var subscriber = new Subscriber(email, request.firstName(), request.lastName(), request.company(), language,
				consent, now);
		if (request.lists() != null) {
			request.lists().stream().filter(l -> l != null && !l.isBlank()).map(String::strip).forEach(subscriber::addToList);
		}
		if (request.attributes() != null) {
			request.attributes().forEach(subscriber::withAttribute);
		}
		return subscriber;
	}

}
