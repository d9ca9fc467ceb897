package io.infolettre.newsletter.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.infolettre.newsletter.segment.Segment;
import io.infolettre.newsletter.segment.SegmentNotFoundException;
import io.infolettre.newsletter.segment.SegmentPreview;
import io.infolettre.newsletter.segment.SegmentRule;
import io.infolettre.newsletter.segment.Segments;
import io.infolettre.newsletter.subscriber.Subscriber;

/**
 * Saved segments in a map, for web slice tests: they show what a request reached the service with
 * (the rule tree as the controller built it). It compiles no rules and counts no one: the real
 * segments, in MongoDB, are the integration tests' concern.
 */
public final class InMemorySegments implements Segments {

	private final Map<String, Segment> saved = new LinkedHashMap<>();

	@Override
	public List<Segment> all() {
		return new ArrayList<>(this.saved.values());
	}

	@Override
	public Optional<Segment> find(String id) {
		return Optional.ofNullable(this.saved.get(id));
	}

	@Override
	public Segment create(String name, String description, SegmentRule.Group rules) {
		return put("segment-" + (this.saved.size() + 1), name, description, rules);
	}

	@Override
	public Segment update(String id, String name, String description, SegmentRule.Group rules) {
		find(id).orElseThrow(() -> new SegmentNotFoundException(id));
		return put(id, name, description, rules);
	}

	@Override
	public void delete(String id) {
		this.saved.remove(id);
	}

	@Override
	public SegmentPreview preview(SegmentRule.Group rules, boolean receivableOnly, int sampleSize) {
		throw new AssertionError("counting a segment is not part of a web slice test");
	}

	@Override
	public List<Subscriber> members(String id, String afterId, int size) {
		throw new AssertionError("listing a segment's members is not part of a web slice test");
	}

	public void clear() {
		this.saved.clear();
	}

	private Segment put(String id, String name, String description, SegmentRule.Group rules) {
		Instant now = Instant.now();
		var segment = new Segment(id, name, description, rules, now, now);
		this.saved.put(id, segment);
		return segment;
	}

}
