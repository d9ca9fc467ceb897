package io.infolettre.newsletter.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.segment.Segment;
import io.infolettre.newsletter.segment.Segments;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The saved segments offered next to the lists in an issue's audience selector. One select names
 * either a list (its name) or a segment ({@code segment:<id>}).
 */
@ControllerAdvice(assignableTypes = IssueAdminController.class)
class AudienceChoices {

	static final String SEGMENT_PREFIX = "segment:";

	private final Segments segments;

	AudienceChoices(Segments segments) {
		this.segments = segments;
	}

	/** The segments by id, for the selector and the name of the chosen one. */
	@ModelAttribute("segmentNames")
	Map<String, String> segmentNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (Segment segment : this.segments.all()) {
			names.put(segment.id(), segment.name());
		}
		return names;
	}

	static Audience parse(String choice) {
		if (choice == null || choice.isBlank()) {
			return Audience.allActive();
		}
		if (choice.startsWith(SEGMENT_PREFIX)) {
			return Audience.segment(choice.substring(SEGMENT_PREFIX.length()));
		}
		return Audience.list(choice);
	}

}
