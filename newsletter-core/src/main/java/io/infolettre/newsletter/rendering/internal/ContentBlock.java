package io.infolettre.newsletter.rendering.internal;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of section a coordinator can mark in the body with {@code :::TYPE title} … {@code :::}.
 * French names first (the editor inserts them), English aliases accepted.
 */
enum ContentBlock {

	EVENEMENT("evenement", "event", "Événement", "Event"),

	FORMATION("formation", "training", "Formation", "Training"),

	NOUVELLES("nouvelles", "news", "Nouvelles des membres", "Member news"),

	SONDAGE("sondage", "survey", "Sondage", "Survey");

	private final String name;

	private final String alias;

	private final String labelFr;

	private final String labelEn;

	ContentBlock(String name, String alias, String labelFr, String labelEn) {
		this.name = name;
		this.alias = alias;
		this.labelFr = labelFr;
		this.labelEn = labelEn;
	}

	static Optional<ContentBlock> named(String type) {
		String wanted = type.toLowerCase(Locale.ROOT).replace("é", "e");
		for (ContentBlock block : values()) {
			if (block.name.equals(wanted) || block.alias.equals(wanted)) {
				return Optional.of(block);
			}
		}
		return Optional.empty();
	}

	/** The label shown above the section, in the message's language. */
	String label(String language) {
		return "en".equals(language) ? this.labelEn : this.labelFr;
	}

	static String names() {
		return "evenement, formation, nouvelles, sondage (event, training, news, survey)";
	}

}
