package io.infolettre.newsletter.subscriber;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

/** Answers an access request: gathers what this module and every {@link PersonalDataHolder} hold. */
@Service
public class PersonalDataExport {

	private final Subscribers subscribers;

	private final UnsubscribeLog log;

	private final List<PersonalDataHolder> holders;

	private final Clock clock;

	PersonalDataExport(Subscribers subscribers, UnsubscribeLog log, List<PersonalDataHolder> holders, Clock clock) {
		this.subscribers = subscribers;
		this.log = log;
		this.holders = holders;
		this.clock = clock;
	}

	/** @throws SubscriberNotFoundException when no subscriber has this id */
	public PersonalData export(String subscriberId) {
		Subscriber subscriber = this.subscribers.findById(subscriberId)
			.orElseThrow(() -> new SubscriberNotFoundException(subscriberId));
		Map<String, List<Map<String, Object>>> held = new LinkedHashMap<>();
		for (PersonalDataHolder holder : this.holders) {
			held.put(holder.section(), holder.export(subscriber));
		}
		var profile = new PersonalData.Profile(subscriber.getId(), subscriber.getEmail().value(),
				subscriber.getFirstName(), subscriber.getLastName(), subscriber.getCompany(), subscriber.getLanguage(),
				subscriber.getStatus(), subscriber.isTrackingRefused(), subscriber.getCreatedAt(),
				subscriber.getUpdatedAt(), subscriber.getUnsubscribedAt());
		return new PersonalData(this.clock.instant(), profile, subscriber.getConsent(),
				List.copyOf(new TreeSet<>(subscriber.getLists())), List.copyOf(new TreeSet<>(subscriber.getTags())),
				new TreeMap<>(subscriber.getAttributes()), this.log.entriesFor(subscriberId), held);
	}

}
