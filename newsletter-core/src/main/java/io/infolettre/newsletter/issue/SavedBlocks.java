package io.infolettre.newsletter.issue;

import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.rendering.Block;

/** The saved blocks (« Blocs enregistrés »), by name. */
public interface SavedBlocks {

	/** The longest name: a label in a menu. */
	int MAX_NAME = 100;

	/** All of them, by name. */
	List<SavedBlock> list();

	Optional<SavedBlock> find(String id);

	/**
	 * Keeps a copy of {@code block} under {@code name}.
	 * @throws IllegalArgumentException when the name is blank or too long
	 * @throws io.infolettre.newsletter.rendering.BlockProblem when the block is invalid
	 */
	SavedBlock save(String name, Block block);

	/**
	 * @throws IllegalArgumentException when the name is blank or too long
	 * @throws java.util.NoSuchElementException when there is no such saved block
	 */
	SavedBlock rename(String id, String name);

	/** @return whether it existed */
	boolean delete(String id);

}
