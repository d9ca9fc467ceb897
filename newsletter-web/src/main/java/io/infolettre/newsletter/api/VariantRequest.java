package io.infolettre.newsletter.api;

import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.issue.IssueVariant;
import io.infolettre.newsletter.rendering.BlockProblem;
import io.infolettre.newsletter.rendering.Blocks;

/**
 * One language's subject, preheader and content, as the API receives and shows it. The content is
 * {@code blocks} (see docs/blocks.md); a request with {@code body} and no blocks gives one Markdown
 * block, as the API did before blocks. Shown with both: {@code body} is the Markdown when the content
 * is a single Markdown block, else empty.
 */
record VariantRequest(String subject, String preheader, String body, List<Map<String, Object>> blocks) {

	/**
	 * @param language {@code fr} or {@code en}, to say which variant a refused block is in
	 * @throws InvalidBlock a block refused, with where it is
	 */
	IssueVariant toVariant(String language) {
		if (this.blocks == null || this.blocks.isEmpty()) {
			return new IssueVariant(this.subject, this.preheader, this.body);
		}
		try {
			return new IssueVariant(this.subject, this.preheader, null, Blocks.fromJson(this.blocks));
		}
		catch (BlockProblem problem) {
			throw new InvalidBlock(language, problem);
		}
	}

	static VariantRequest of(IssueVariant variant) {
		return variant == null ? null : new VariantRequest(variant.subject(), variant.preheader(), variant.body(),
				Blocks.toJson(variant.blocks()));
	}

	/** A block refused in the variant of {@code language}. */
	static final class InvalidBlock extends RuntimeException {

		private final String language;

		private final BlockProblem problem;

		InvalidBlock(String language, BlockProblem problem) {
			super("variants." + language + ".blocks : " + problem.getMessage(), problem);
			this.language = language;
			this.problem = problem;
		}

		String language() {
			return this.language;
		}

		BlockProblem problem() {
			return this.problem;
		}

		/** A JSON pointer into the request: {@code /variants/en/blocks/2/left/0/alt}. */
		String pointer() {
			var pointer = new StringBuilder("/variants/").append(this.language).append("/blocks");
			for (String step : this.problem.path().split("\\.")) {
				pointer.append('/').append(step.matches("[0-9]+") ? String.valueOf(Integer.parseInt(step) - 1) : step);
			}
			if (this.problem.field() != null) {
				pointer.append('/').append(this.problem.field());
			}
			return pointer.toString();
		}

	}

}
