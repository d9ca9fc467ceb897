package io.infolettre.newsletter.subscriber.internal;

import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.subscriber.RejectedRow;
import io.infolettre.newsletter.subscriber.WarnedRow;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rows an import keeps, read a page at a time by their keys, against a real MongoDB-wire server. */
class ImportJobStoreIntegrationTests {

	private EmbeddedMongo mongo;

	private ImportJobStore store;

	@BeforeEach
	void start() {
		this.mongo = new EmbeddedMongo();
		this.store = new ImportJobStore(this.mongo.template());
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void keptRowsArePagedInTheOrderTheyWereKeptAndOnlyTheirJobs() {
		List<RejectedRow> first = new ArrayList<>();
		for (int line = 2; line < 302; line++) {
			first.add(new RejectedRow(line, List.of("adresse courriel invalide", "langue inconnue"), "x;" + line));
		}
		this.store.keepRejected("job-a", 0, first);
		this.store.keepRejected("job-a", 300, List.of(new RejectedRow(900, List.of("ligne vide"), "")));
		this.store.keepRejected("job-b", 0, List.of(new RejectedRow(5, List.of("autre import"), "")));
		this.store.keepWarned("job-a", 0, List.of(new WarnedRow(7, List.of("importée sans « Pêche »"))));

		assertThat(this.store.rejected("job-a", 0, 3)).extracting(RejectedRow::line).containsExactly(2L, 3L, 4L);
		assertThat(this.store.rejected("job-a", 0, 1).get(0).reasons()).containsExactly("adresse courriel invalide",
				"langue inconnue");
		assertThat(this.store.rejected("job-a", 299, 50)).extracting(RejectedRow::line).containsExactly(301L, 900L);
		assertThat(this.store.rejected("job-a", 301, 50)).isEmpty();
		assertThat(this.store.warned("job-a", 0, 50)).extracting(WarnedRow::line).containsExactly(7L);
		List<Long> all = new ArrayList<>();
		this.store.forEachRejected("job-a", row -> all.add(row.line()));
		assertThat(all).hasSize(301).startsWith(2L, 3L).endsWith(301L, 900L);
	}

	/** A restart after the junk import: its million refused rows, read at once by every page, are gone. */
	@Test
	void theRefusedRowsKeptBeforeTheCapAreDroppedAtStart() {
		this.mongo.template().insert(List.of(new Document("_id", "job:000000000002").append("reason", "x"),
				new Document("_id", "job:000000000003").append("reason", "y")), ImportJobStore.LEGACY_REJECTIONS);

		this.store.dropLegacyRejections();

		assertThat(this.mongo.template().collectionExists(ImportJobStore.LEGACY_REJECTIONS)).isFalse();
		this.store.dropLegacyRejections();
	}

}
