package io.infolettre.newsletter.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.delivery.BounceReport;
import io.infolettre.newsletter.delivery.Delivery;
import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.ResponseLedger;
import io.infolettre.newsletter.delivery.internal.DeliveryStore;
import io.infolettre.newsletter.engagement.Bounces;
import io.infolettre.newsletter.engagement.internal.OpenRecorder;
import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.tracking.TrackedLinks;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A small sent issue whose every figure is known by hand: twelve recipients, written into the ledger
 * as a send leaves it, then opened, clicked, unsubscribed from and bounced through the live paths
 * (the open writer, the unsubscribe, the bounce intake).
 *
 * <pre>
 * entry  status            company / sector                  what happens
 * d0     SENT              Aciers Éclair inc. / Métallurgie  two opens by a person (Thunderbird)
 * d1     SENT              Aciers Éclair inc. / Métallurgie  an open and a click on A by a person
 * d2     SENT              Bois Ébène / Métallurgie          an open by Apple's privacy proxy only
 * d3     SENT              Câbles Québec / Métallurgie       Apple's proxy first, then a person
 * d4     SENT              Câbles Québec / Métallurgie       a click on B by a person, no pixel open
 * d5     SENT              Câbles Québec / Métallurgie       Gmail's image proxy (its reader opened it)
 * d6     SENT              Fromagerie du Lac / Agro          a scanner (curl): an open and a click on A
 * d7     SENT              Fromagerie du Lac / Agro          nothing read; unsubscribes
 * d8     FAILED_TEMPORARY  Fromagerie du Lac / Agro
 * d9     FAILED_PERMANENT  Fromagerie du Lac / Agro
 * d10    SENT → hard bounce (FAILED_PERMANENT)              Fromagerie du Lac / Agro
 * d11    SENT, then a spam complaint                         Fromagerie du Lac / Agro
 * </pre>
 */
final class ReportFixture {

	static final String READER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0";

	static final String APPLE = "Mozilla/5.0";

	static final String GMAIL = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";

	static final String SCANNER = "curl/8.5.0";

	static final String LINK_A = "https://exemple.ca/événements?lieu=Alma";

	static final String LINK_B = "https://exemple.ca/adhésion";

	final String issueId;

	final List<String> ids = new ArrayList<>();

	final List<String> emails = new ArrayList<>();

	final int linkA;

	final int linkB;

	ReportFixture(MongoTemplate mongo, SubscriberManagement management, Subscribers subscribers,
			IssueManagement issues, DeliveryStore ledger, ResponseLedger responses, OpenRecorder recorder, Bounces bounces,
			TrackedLinks links) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		String list = "rapport-" + tag;
		String[] companies = { "Aciers Éclair inc.", "Aciers Éclair inc.", "Bois Ébène", "Câbles Québec", "Câbles Québec",
				"Câbles Québec", "Fromagerie du Lac " + tag, "Fromagerie du Lac " + tag, "Fromagerie du Lac " + tag,
				"Fromagerie du Lac " + tag, "Fromagerie du Lac " + tag, "Fromagerie du Lac " + tag };
		var members = new ArrayList<io.infolettre.newsletter.subscriber.Subscriber>();
		for (int i = 0; i < 12; i++) {
			String email = "membre" + i + "-" + tag + "@exemple.ca";
			this.emails.add(email);
			members.add(SubscriberFixtures.member(email, "Hélène", "Côté", companies[i], list)
				.withAttribute("secteur", i < 6 ? "Métallurgie" : "Agroalimentaire")
				.withAttribute("territoire", "Saguenay–Lac-Saint-Jean"));
		}
		management.addAll(members);
		var issue = issues.createDraft("Rapport « été » " + tag, IssueFixtures.infolettre(), Audience.list(list));
		this.issueId = issue.getId();
		this.linkA = links.register(this.issueId, LINK_A);
		this.linkB = links.register(this.issueId, LINK_B);
		issues.schedule(this.issueId, Instant.now().plusSeconds(86_400));
		issues.startSending(this.issueId);

		// the ledger as the send leaves it: sent an hour ago (so no open falls in the scanner window)
		Instant sent = Instant.now().minusSeconds(3600);
		mongo.upsert(Query.query(Criteria.where("_id").is(this.issueId)), new Update().set("next", 12), "delivery_heads");
		List<Document> entries = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String id = this.issueId + HexFormat.of().toHexDigits(i);
			this.ids.add(id);
			DeliveryStatus status = i == 8 ? DeliveryStatus.FAILED_TEMPORARY
					: i == 9 ? DeliveryStatus.FAILED_PERMANENT : DeliveryStatus.SENT;
			var entry = new Document("_id", id).append("issueId", this.issueId)
				.append("subscriberId", subscribers.findByEmail(EmailAddress.of(this.emails.get(i))).orElseThrow().getId())
				.append("status", status.name())
				.append("email", this.emails.get(i))
				.append("attempts", 1);
			if (status == DeliveryStatus.SENT) {
				entry.append("sentAt", sent).append("messageId", "<" + id + "@exemple.ca>");
			}
			else {
				entry.append("error", "451 4.7.1 Réessayez plus tard");
			}
			entries.add(entry);
		}
		mongo.insert(entries, Delivery.COLLECTION);
		ledger.recount(this.issueId);
		issues.markSent(this.issueId);

		// first wave
		recorder.record(id(0), READER, "24.48.1.2");
		recorder.record(id(0), READER, "24.48.1.2");
		recorder.record(id(1), READER, "24.48.1.3");
		recorder.recordClick(id(1), this.linkA, READER, "24.48.1.3");
		recorder.record(id(2), APPLE, "17.58.1.1");
		recorder.record(id(3), APPLE, "17.58.1.2");
		recorder.recordClick(id(4), this.linkB, READER, "24.48.1.4");
		recorder.record(id(5), GMAIL, "66.249.84.1");
		recorder.record(id(6), SCANNER, "52.1.1.1");
		recorder.recordClick(id(6), this.linkA, SCANNER, "52.1.1.1");
		recorder.flush();
		// later, the person behind Apple's proxy reads it
		recorder.record(id(3), READER, "24.48.1.5");
		recorder.flush();

		responses.recordUnsubscribe(id(7), Instant.now());
		bounces.record(new BounceReport("<" + id(10) + "@exemple.ca>", BounceReport.Type.HARD, "550 5.1.1 Boîte inconnue"));
		bounces.record(new BounceReport("<" + id(11) + "@exemple.ca>", BounceReport.Type.COMPLAINT, null));
	}

	String id(int i) {
		return this.ids.get(i);
	}

}
