package io.infolettre.newsletter.subscriber;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The member companies. They come into being from their contacts' company names (when a subscriber
 * is added or edited, and once at start for the subscribers already there) and the coordinator
 * completes their attributes.
 */
public interface Companies {

	Optional<Company> findById(String id);

	Optional<Company> findByName(String name);

	/**
	 * One page of companies in id order (about alphabetical), from after {@code after} (exclusive,
	 * {@code null} for the first page); {@code text} filters on the start of the name, accents and
	 * case aside.
	 */
	List<Company> page(String text, String after, int size);

	/** Creates the companies of these names that do not exist yet; returns how many were created. */
	int ensureExist(Collection<String> names);

	/**
	 * Sets attributes from what the coordinator typed, each checked against its definition; a blank
	 * value removes one.
	 * @throws IllegalArgumentException for an unknown attribute or a value of the wrong type
	 */
	Company setAttributes(String id, Map<String, String> values);

}
