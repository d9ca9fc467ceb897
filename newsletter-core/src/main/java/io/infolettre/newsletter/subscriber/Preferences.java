package io.infolettre.newsletter.subscriber;

import java.util.Set;

/**
 * What a member chooses in the preference center.
 *
 * @param lists the lists to stay on (among those the member is on: a member only ever leaves lists)
 * @param language fr or en
 * @param trackingRefused no pixel and no rewritten links in their messages from now on
 */
public record Preferences(Set<String> lists, String language, boolean trackingRefused) {

	public Preferences {
		lists = lists == null ? Set.of() : Set.copyOf(lists);
		if (!"fr".equals(language) && !"en".equals(language)) {
			throw new IllegalArgumentException("Langue inconnue : " + language);
		}
	}

}
