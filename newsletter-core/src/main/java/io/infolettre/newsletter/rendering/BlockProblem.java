package io.infolettre.newsletter.rendering;

/**
 * A block refused when an issue is saved: which block (1-based, nested ones named by their column)
 * and which field, with a French message that says both and why.
 */
public class BlockProblem extends IllegalArgumentException {

	private final String position;

	private final String path;

	private final String field;

	/**
	 * @param position where the block is, as the coordinator reads it: « bloc 3, colonne de gauche, bloc 1 »
	 * @param path the same for a program: {@code 3}, {@code 3.left.1}
	 * @param field the JSON name of the field at fault, {@code null} when the block as a whole is
	 * @param message what is wrong, in French, naming the position and the field
	 */
	public BlockProblem(String message, String position, String path, String field) {
		super(message);
		this.position = position;
		this.path = path;
		this.field = field;
	}

	/** « bloc 3, colonne de gauche, bloc 1 ». */
	public String position() {
		return this.position;
	}

	/** {@code 3.left.1}: block numbers from 1, column names as in the JSON. */
	public String path() {
		return this.path;
	}

	/** The JSON name of the field at fault ({@code alt}, {@code url}…), {@code null} for the block itself. */
	public String field() {
		return this.field;
	}

}
