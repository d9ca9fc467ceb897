package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.rendering.BlockProblem;

/**
 * A block refused in one language's variant: the message says which variant, and the editor finds
 * the card by the variant, the block's path ({@code 3.left.1}) and the field.
 */
final class VariantBlockProblem extends IllegalArgumentException {

	private final String language;

	private final BlockProblem problem;

	VariantBlockProblem(String language, BlockProblem problem) {
		super(("en".equals(language) ? "Version anglaise, " : "") + lowerFirstIfEnglish(language, problem.getMessage()),
				problem);
		this.language = language;
		this.problem = problem;
	}

	private static String lowerFirstIfEnglish(String language, String message) {
		return "en".equals(language) && !message.isEmpty()
				? Character.toLowerCase(message.charAt(0)) + message.substring(1) : message;
	}

	/** {@code fr} or {@code en}. */
	public String getLanguage() {
		return this.language;
	}

	/** {@code 3}, {@code 3.left.1}. */
	public String getPath() {
		return this.problem.path();
	}

	/** The JSON name of the field at fault, or {@code null} for the block as a whole. */
	public String getField() {
		return this.problem.field();
	}

}
