package io.infolettre.newsletter.segment;

/**
 * A rule that cannot be compiled: an unknown attribute, a value of the wrong type, an operator that
 * does not apply. The message is for the coordinator (in French) and names the rule.
 */
public class SegmentRuleException extends IllegalArgumentException {

	private final String path;

	/**
	 * @param path the rule's position in the tree, {@code 2.1} for the first rule of the second group
	 * @param reason what is wrong with it
	 */
	public SegmentRuleException(String path, String reason) {
		super("Règle " + path + " : " + reason);
		this.path = path;
	}

	/** The rule's position: numbers from 1, a dot per level ({@code 2.1}). */
	public String getPath() {
		return this.path;
	}

}
