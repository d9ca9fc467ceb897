package io.infolettre.newsletter.report.internal;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

import io.infolettre.newsletter.delivery.Delivery;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads an issue's ledger entries a page of exact ids at a time, as the send and its recount do (the
 * ids are the issue id and a sequence number; the ledger head holds the next one): memory stays flat
 * and every MongoDB-wire server answers from its primary index, however large the issue. The report
 * is a read model of the ledger, so it reads the ledger's documents (only the fields it names).
 */
@Component
class LedgerPages {

	// the ledger head's collection and the next sequence number it hands out (see DeliveryStore)
	private static final String HEADS = "delivery_heads";

	private static final int PAGE = 1000;

	private final MongoTemplate mongo;

	LedgerPages(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	void forEachPage(String issueId, List<String> fields, Consumer<List<Document>> action) {
		Document head = this.mongo.findById(issueId, Document.class, HEADS);
		long end = head != null && head.get("next") instanceof Number n ? n.longValue() : 0;
		for (long from = 0; from < end; from += PAGE) {
			List<String> ids = new ArrayList<>(PAGE);
			for (long seq = from; seq < Math.min(end, from + PAGE); seq++) {
				ids.add(issueId + HexFormat.of().toHexDigits((int) seq));
			}
			var query = Query.query(Criteria.where("_id").in(ids));
			query.fields().include(fields.toArray(String[]::new));
			List<Document> page = this.mongo.find(query, Document.class, Delivery.COLLECTION);
			if (!page.isEmpty()) {
				action.accept(page);
			}
		}
	}

}
