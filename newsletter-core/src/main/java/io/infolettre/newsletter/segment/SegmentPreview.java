package io.infolettre.newsletter.segment;

import java.util.List;

import io.infolettre.newsletter.subscriber.Subscriber;

/** What a segment's editor shows while the rules change: how many, and a few of them. */
public record SegmentPreview(long count, List<Subscriber> sample) {
}
