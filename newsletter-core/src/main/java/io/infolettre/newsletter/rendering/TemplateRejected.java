package io.infolettre.newsletter.rendering;

import java.util.List;
import java.util.stream.Collectors;

/** An uploaded layout that was not kept, with every problem found in it. */
public class TemplateRejected extends RuntimeException {

	private final List<TemplateProblem> problems;

	public TemplateRejected(List<TemplateProblem> problems) {
		super(problems.stream().map(TemplateProblem::getMessage).collect(Collectors.joining(" ; ")));
		this.problems = List.copyOf(problems);
	}

	public List<TemplateProblem> getProblems() {
		return this.problems;
	}

}
