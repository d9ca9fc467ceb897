package io.infolettre.newsletter.segment;

import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.subscriber.Subscriber;

/**
 * The saved segments, and their evaluation while they are edited. Rules are checked when saved: an
 * unknown attribute or a value of the wrong type is refused with a {@link SegmentRuleException}.
 */
public interface Segments {

	List<Segment> all();

	Optional<Segment> find(String id);

	Segment create(String name, String description, SegmentRule.Group rules);

	Segment update(String id, String name, String description, SegmentRule.Group rules);

	void delete(String id);

	/**
	 * Counts the subscribers the rules select, and gives the first {@code sampleSize} of them.
	 * @param receivableOnly only those a send may reach (active, consent in force), as an audience;
	 * otherwise every status, for information
	 */
	SegmentPreview preview(SegmentRule.Group rules, boolean receivableOnly, int sampleSize);

	/**
	 * A page of the segment's receivable members in id order, after {@code afterId} (keyset: a page
	 * costs the same wherever it is).
	 */
	List<Subscriber> members(String id, String afterId, int size);

}
