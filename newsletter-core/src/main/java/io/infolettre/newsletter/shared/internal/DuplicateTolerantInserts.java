package io.infolettre.newsletter.shared.internal;

import java.util.List;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Unordered bulk inserts where documents refused by a unique index are expected and skipped
 * (idempotent imports, a restarted freeze). The count of new documents is derived from the write
 * errors, not from the server's inserted count, which the embedded server reports wrongly when
 * some documents fail.
 */
public final class DuplicateTolerantInserts {

	private static final int DUPLICATE_KEY = 11000;

	private DuplicateTolerantInserts() {
	}

	/** @return how many documents were new; any error other than a duplicate key is rethrown */
	public static int insert(MongoTemplate mongo, String collection, List<?> documents) {
		if (documents.isEmpty()) {
			return 0;
		}
		try {
			mongo.bulkOps(BulkMode.UNORDERED, collection).insert(documents).execute();
			return documents.size();
		}
		catch (DuplicateKeyException | BulkOperationException ex) {
			List<BulkWriteError> errors = ex instanceof BulkOperationException bulk ? bulk.getErrors()
					: ex.getCause() instanceof MongoBulkWriteException bulk ? bulk.getWriteErrors() : null;
			if (errors == null || errors.stream().anyMatch(e -> e.getCode() != DUPLICATE_KEY)) {
				throw ex;
			}
			return documents.size() - errors.size();
		}
	}

}
