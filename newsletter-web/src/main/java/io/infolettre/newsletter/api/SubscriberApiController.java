package io.infolettre.newsletter.api;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Erasure;
import io.infolettre.newsletter.subscriber.PersonalData;
import io.infolettre.newsletter.subscriber.PersonalDataExport;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberErasure;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.SubscriberPage;
import io.infolettre.newsletter.subscriber.SubscriberSearch;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Subscribers over the API. Adding works in batches: invalid entries are reported by position and
 * the valid ones are added; addresses already known are left as they are (adding the same batch
 * twice changes nothing). The search pages by key ({@code after}), and every change goes through
 * {@link SubscriberManagement}, as the admin UI's do.
 */
@RestController
@RequestMapping("/api/v1/subscribers")
@RequiresPermission(Permission.AUDIENCE_READ)
class SubscriberApiController {

	static final int MAX_BATCH = 10_000;

	static final int DEFAULT_PAGE = 50;

	static final int MAX_PAGE = 500;

	private final SubscriberManagement subscribers;

	private final Subscribers all;

	private final AttributeDefinitions definitions;

	private final PersonalDataExport export;

	private final SubscriberErasure erasure;

	private final Clock clock;

	SubscriberApiController(SubscriberManagement subscribers, Subscribers all, AttributeDefinitions definitions,
			PersonalDataExport export, SubscriberErasure erasure, Clock clock) {
		this.subscribers = subscribers;
		this.all = all;
		this.definitions = definitions;
		this.export = export;
		this.erasure = erasure;
		this.clock = clock;
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.addBatch")
	@PostMapping
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	SubscriberImportResult add(@RequestBody List<NewSubscriberRequest> batch) {
		if (batch.size() > MAX_BATCH) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
					"Au plus " + MAX_BATCH + " abonnés par requête");
		}
		var now = this.clock.instant();
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
			try {
				valid.add(toSubscriber(email.get(), request, ConsentRequest.toConsent(request.consent(), now), now));
			}
			catch (IllegalArgumentException ex) {
				invalid.add(new SubscriberImportResult.Invalid(i, request.email(), ex.getMessage()));
			}
		}
		return new SubscriberImportResult(batch.size(), this.subscribers.addAll(valid), invalid);
	}

	@GetMapping
	SubscriberResource.Page search(@RequestParam(required = false) String q,
			@RequestParam(required = false) String company, @RequestParam(required = false) String list,
			@RequestParam(required = false) SubscriberStatus status, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String attribute, @RequestParam(required = false) String value,
			@RequestParam(required = false) String after, @RequestParam(defaultValue = "50") int size) {
		Object typed = null;
		if (attribute != null && value != null) {
			typed = this.definitions.find(attribute)
				.orElseThrow(() -> new IllegalArgumentException("Attribut inconnu : " + attribute))
				.parse(value)
				.orElse(null);
		}
		SubscriberPage page = this.all.search(new SubscriberSearch(q, company, list, status, attribute, typed, tag),
				after == null || after.isBlank() ? null : after, Math.max(1, Math.min(size, MAX_PAGE)));
		return new SubscriberResource.Page(page.subscribers().stream().map(SubscriberResource::of).toList(), page.next());
	}

	@GetMapping("/{id}")
	SubscriberResource get(@PathVariable String id) {
		return SubscriberResource.of(this.subscribers.get(id));
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.edit")
	@PutMapping("/{id}")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	SubscriberResource change(@PathVariable String id, @RequestBody SubscriberChangeRequest change) {
		Subscriber current = this.subscribers.get(id);
		if (change.firstName() != null || change.lastName() != null || change.company() != null
				|| change.language() != null || change.trackingRefused() != null) {
			this.subscribers.editDetails(id, change.firstName() != null ? change.firstName() : current.getFirstName(),
					change.lastName() != null ? change.lastName() : current.getLastName(),
					change.company() != null ? change.company() : current.getCompany(),
					change.language() != null ? change.language() : current.getLanguage(),
					change.trackingRefused() != null ? change.trackingRefused() : current.isTrackingRefused());
		}
		if (change.attributes() != null && !change.attributes().isEmpty()) {
			this.subscribers.setAttributes(id, change.attributes());
		}
		if (change.tags() != null) {
			Set<String> wanted = new HashSet<>(change.tags());
			current.getTags().stream().filter(tag -> !wanted.contains(tag)).forEach(tag -> this.subscribers.untag(id, tag));
			wanted.stream().filter(tag -> !current.getTags().contains(tag)).forEach(tag -> this.subscribers.tag(id, tag));
		}
		if (change.email() != null && !change.email().equalsIgnoreCase(current.getEmail().value())) {
			this.subscribers.changeEmail(id, change.email());
		}
		return get(id);
	}

	/** Erases the subscriber and their personal data (Quebec's Law 25); the answer is the audit entry. */
	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.erase")
	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	Erasure erase(@PathVariable String id, Principal principal) {
		return this.erasure.erase(id, "api:" + principal.getName());
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.joinList")
	@PostMapping("/{id}/lists/{list}")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	SubscriberResource joinList(@PathVariable String id, @PathVariable String list) {
		return SubscriberResource.of(this.subscribers.joinList(id, list));
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.leaveList")
	@DeleteMapping("/{id}/lists/{list}")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	SubscriberResource leaveList(@PathVariable String id, @PathVariable String list) {
		return SubscriberResource.of(this.subscribers.leaveList(id, list));
	}

	/** Unsubscribes on the member's behalf (the audit log says so); idempotent. */
	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.unsubscribe")
	@PostMapping("/{id}/unsubscribe")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	Map<String, Object> unsubscribe(@PathVariable String id) {
		this.subscribers.get(id);
		boolean changed = this.subscribers.unsubscribe(id, UnsubscribeChannel.ADMIN, null);
		return Map.of("unsubscribed", true, "changed", changed);
	}

	@Audited(kind = AuditKind.CONSENT, action = "consent.renew")
	@PostMapping("/{id}/consent/renew")
	@RequiresPermission(Permission.CONSENTS_MANAGE)
	SubscriberResource renewConsent(@PathVariable String id) {
		return SubscriberResource.of(this.subscribers.renewConsent(id));
	}

	/** An access request: everything held about the subscriber. */
	@GetMapping("/{id}/personal-data")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	PersonalData personalData(@PathVariable String id) {
		return this.export.export(id);
	}

	private Subscriber toSubscriber(EmailAddress email, NewSubscriberRequest request, Consent consent, Instant now) {
		var language = "en".equalsIgnoreCase(request.language()) ? "en" : "fr";
		var subscriber = new Subscriber(email, request.firstName(), request.lastName(), request.company(), language,
				consent, now);
		if (request.lists() != null) {
			request.lists().stream().filter(l -> l != null && !l.isBlank()).map(String::strip).forEach(subscriber::addToList);
		}
		if (request.tags() != null) {
			request.tags().stream().filter(t -> t != null && !t.isBlank()).map(String::strip).forEach(subscriber::withTag);
		}
		if (request.attributes() != null) {
			request.attributes().forEach((name, raw) -> {
				AttributeDefinition definition = this.definitions.find(name)
					.orElseThrow(() -> new IllegalArgumentException("Attribut inconnu : " + name));
				definition.parse(raw).ifPresent(value -> subscriber.withAttribute(name, value));
			});
		}
		return subscriber;
	}

}
