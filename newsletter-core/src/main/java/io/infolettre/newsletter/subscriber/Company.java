package io.infolettre.newsletter.subscriber;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * A member company. Its contacts are the subscribers whose {@code company} is its name; it carries
 * typed attributes of its own (sector, territory, industrial park, member since…) checked against
 * the same {@link AttributeDefinitions} as the subscribers'. Stored in {@code companies} as
 * {@code {_id: "company:<name in lower case, stripped>", name, attributes, createdAt, updatedAt}},
 * a shape segment rules read directly.
 *
 * @param name exactly the {@code company} of its contacts
 */
public record Company(String id, String name, Map<String, Object> attributes, Instant createdAt, Instant updatedAt) {

	public static final String COLLECTION = "companies";

	private static final String KEY_PREFIX = "company:";

	public Company {
		attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
	}

	/** The id of the company of this name: the same however its contacts capitalise or space it. */
	public static String idOf(String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Une entreprise a un nom");
		}
		return KEY_PREFIX + name.strip().toLowerCase(Locale.ROOT);
	}

	public static boolean isCompanyId(String id) {
		return id != null && id.startsWith(KEY_PREFIX);
	}

}
