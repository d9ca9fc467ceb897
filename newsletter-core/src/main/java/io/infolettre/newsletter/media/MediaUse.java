package io.infolettre.newsletter.media;

/**
 * Something that uses an image.
 * @param kind what it is: {@link #ISSUE}, {@link #SAVED_BLOCK}, or another module's word
 * @param id its identifier in its module (an issue's id links to its page)
 * @param title what a coordinator calls it (an issue's title)
 */
public record MediaUse(String kind, String id, String title) {

	public static final String ISSUE = "issue";

	public static final String SAVED_BLOCK = "savedBlock";

}
