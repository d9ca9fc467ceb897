package io.infolettre.newsletter.report.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.infolettre.newsletter.delivery.Delivery;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Walks an issue's ledger entries once, streamed through a cursor, and hands them over a page at a
 * time, with only the fields asked for. The report is a read model of the ledger, so it reads the
 * ledger's documents. One query on {@code issueId} (on a real MongoDB, the prefix of the ledger's
 * unique (issue, subscriber) index) rather than the send's pages of exact ids: measured on the
 * embedded server, a page of a thousand exact ids costs as much as a scan of a hundred thousand
 * entries, so a walk over a million entries takes seconds instead of most of an hour.
 */
@Component
class LedgerPages {

	private static final int PAGE = 1000;

	private final MongoTemplate mongo;

	LedgerPages(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void forEachPage(String issueId, List<String> fields, Consumer<List<Document>> action) {
		var query = Query.query(Criteria.where("issueId").is(issueId)).cursorBatchSize(PAGE);
		query.fields().include(fields.toArray(String[]::new));
		List<Document> page = new ArrayList<>(PAGE);
		try (var entries = this.mongo.stream(query, Document.class, Delivery.COLLECTION)) {
			entries.forEach(entry -> {
				page.add(entry);
				if (page.size() == PAGE) {
					action.accept(List.copyOf(page));
					page.clear();
				}
			});
		}
		if (!page.isEmpty()) {
			action.accept(page);
		}
	}

}
