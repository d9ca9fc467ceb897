package io.infolettre.newsletter.api;

import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.segment.Segment;
import io.infolettre.newsletter.segment.SegmentPreview;
import io.infolettre.newsletter.subscriber.Subscriber;

/** A saved segment as the API shows it. */
record SegmentResource(String id, String name, String description, RuleNode rules, Instant createdAt,
		Instant updatedAt) {

	static SegmentResource of(Segment segment) {
		return new SegmentResource(segment.id(), segment.name(), segment.description(), RuleNode.of(segment.rules()),
				segment.createdAt(), segment.updatedAt());
	}

	/** A member in a count's sample or a page of members. */
	record Member(String id, String email, String firstName, String lastName, String company, String language) {

		static Member of(Subscriber subscriber) {
			return new Member(subscriber.getId(), subscriber.getEmail().value(), subscriber.getFirstName(),
					subscriber.getLastName(), subscriber.getCompany(), subscriber.getLanguage());
		}

	}

	record Count(long count, List<Member> sample) {

		static Count of(SegmentPreview preview) {
			return new Count(preview.count(), preview.sample().stream().map(Member::of).toList());
		}

	}

	/** @param nextPage the token of the next page ({@code ?page=}), {@code null} after the last one */
	record MemberPage(List<Member> members, String nextPage) {
	}

}
