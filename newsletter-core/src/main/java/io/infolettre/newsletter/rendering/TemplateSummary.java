package io.infolettre.newsletter.rendering;

import java.util.List;

/**
 * A layout as listed to the coordinator.
 *
 * @param origin where the layout is read from (the first of uploaded, folder, built-in)
 * @param languages the languages it has a file for, {@code fr} first
 * @param problems why it cannot be used as it is; empty when it renders for the sample recipient
 */
public record TemplateSummary(String name, TemplateOrigin origin, List<String> languages,
		List<TemplateProblem> problems) {

	public TemplateSummary {
		languages = List.copyOf(languages);
		problems = List.copyOf(problems);
	}

	public boolean usable() {
		return this.problems.isEmpty();
	}

}
