package io.infolettre.newsletter.subscriber.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * Creates indexes that other parts of the application may also want (another module can create the
 * same keys under another name, which MongoDB refuses): a refusal is logged, not fatal, since an
 * index on the same keys serves the same queries.
 */
final class Indexes {

	private static final Logger log = LoggerFactory.getLogger(Indexes.class);

	private Indexes() {
	}

	static void create(IndexOperations operations, Index... indexes) {
		for (Index index : indexes) {
			try {
				operations.createIndex(index);
			}
			catch (RuntimeException ex) {
				log.warn("Index {} not created (an index on the same keys probably exists): {}",
						index.getIndexOptions().get("name"), ex.getMessage());
			}
		}
	}

}
