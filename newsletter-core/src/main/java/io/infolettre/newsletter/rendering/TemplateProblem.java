package io.infolettre.newsletter.rendering;

/**
 * A template or a draft that cannot be rendered, with where the problem is: which part (the layout
 * template's file, the subject or the body) and the line and column in it.
 */
public class TemplateProblem extends RuntimeException {

	private final String part;

	private final int line;

	private final int column;

	private final String detail;

	public TemplateProblem(String part, int line, int column, String detail, Throwable cause) {
		super(describe(part, line, column, detail), cause);
		this.part = part;
		this.line = line;
		this.column = column;
		this.detail = detail;
	}

	private static String describe(String part, int line, int column, String detail) {
		return line > 0 ? "%s, ligne %d, colonne %d : %s".formatted(part, line, column, detail)
				: "%s : %s".formatted(part, detail);
	}

	public String getPart() {
		return this.part;
	}

	public int getLine() {
		return this.line;
	}

	public int getColumn() {
		return this.column;
	}

	/** What is wrong, without the part, line and column. */
	public String getDetail() {
		return this.detail;
	}

}
