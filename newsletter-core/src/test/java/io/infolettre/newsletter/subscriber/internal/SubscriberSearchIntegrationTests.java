package io.infolettre.newsletter.subscriber.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.MutableClock;
import io.infolettre.newsletter.fixtures.SubscriberFixtures;
import io.infolettre.newsletter.subscriber.Company;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.SubscriberPage;
import io.infolettre.newsletter.subscriber.SubscriberSearch;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The coordinator's search and company creation, against a real MongoDB-wire server. */
class SubscriberSearchIntegrationTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T15:00:00Z"), ZoneOffset.UTC);

	private EmbeddedMongo mongo;

	private SubscriberStore store;

	private MongoCompanies companies;

	@BeforeEach
	void start() {
		this.mongo = new EmbeddedMongo();
		this.store = new SubscriberStore(this.mongo.template());
		this.store.createIndexes();
		this.companies = new MongoCompanies(this.mongo.template(), new MongoAttributeDefinitions(this.mongo.template()),
				this.clock);
		this.companies.createIndexes();
		this.store.insertNew(List.of(
				SubscriberFixtures.member("eric.cote@usinage.ca", "Éric", "Côté", "Usinage Côté", "membres", Instant.now())
					.withTag("conférencier"),
				SubscriberFixtures.member("helene@beton.ca", "Hélène", "Gagnon-Tremblay", "Béton Saguenay", "formations", Instant.now())
					.withAttribute("secteur", "Génie"),
				SubscriberFixtures.member("marc@usinage.ca", "Marc", "Côté", "Usinage Côté", "formations", Instant.now())));
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	@Test
	void findsByAddressPrefixOrWholeAddress() {
		assertThat(emails(SubscriberSearch.text("eric.c"))).containsExactly("eric.cote@usinage.ca");
		assertThat(emails(SubscriberSearch.text(" ERIC.COTE@Usinage.ca "))).containsExactly("eric.cote@usinage.ca");
		assertThat(emails(SubscriberSearch.text("@usinage"))).as("not a prefix of any address").isEmpty();
		assertThat(emails(SubscriberSearch.text("marc@"))).containsExactly("marc@usinage.ca");
	}

	@Test
	void findsByNameWhateverTheCaseAndAccents() {
		assertThat(emails(SubscriberSearch.text("cote"))).containsExactlyInAnyOrder("eric.cote@usinage.ca", "marc@usinage.ca");
		assertThat(emails(SubscriberSearch.text("HELENE"))).containsExactly("helene@beton.ca");
		assertThat(emails(SubscriberSearch.text("tremblay"))).as("a word of a compound name").containsExactly("helene@beton.ca");
		assertThat(emails(SubscriberSearch.text("éric côt"))).as("the start of the full name").containsExactly("eric.cote@usinage.ca");
		assertThat(emails(SubscriberSearch.text("côté marc"))).as("last name first").containsExactly("marc@usinage.ca");
		assertThat(emails(SubscriberSearch.text("(.*)"))).as("text is never a pattern").isEmpty();
	}

	@Test
	void findsByCompanyListTagStatusAndAttribute() {
		assertThat(emails(new SubscriberSearch(null, "usinage cote", null, null, null, null, null)))
			.containsExactlyInAnyOrder("eric.cote@usinage.ca", "marc@usinage.ca");
		assertThat(emails(new SubscriberSearch(null, null, "formations", null, null, null, null)))
			.containsExactlyInAnyOrder("helene@beton.ca", "marc@usinage.ca");
		assertThat(emails(new SubscriberSearch(null, null, null, null, null, null, "conférencier")))
			.containsExactly("eric.cote@usinage.ca");
		assertThat(emails(new SubscriberSearch(null, null, null, null, "secteur", "génie", null)))
			.as("texts compare without regard to case").containsExactly("helene@beton.ca");

		String marc = id("marc@usinage.ca");
		new SubscriberChanges(this.mongo.template()).transition(marc,
				subscriber -> subscriber.unsubscribe(UnsubscribeChannel.ADMIN, null, this.clock.instant()));
		assertThat(emails(new SubscriberSearch(null, null, null, SubscriberStatus.UNSUBSCRIBED, null, null, null)))
			.containsExactly("marc@usinage.ca");
		assertThat(emails(new SubscriberSearch("cote", "usinage", "formations", SubscriberStatus.ACTIVE, null, null, null)))
			.as("every criterion must match").isEmpty();
	}

	@Test
	void pagesByKeyUntilTheLastPage() {
		List<Subscriber> more = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			more.add(SubscriberFixtures.member("p" + i + "@pages.ca", "Page", "N" + i, null, "pages"));
		}
		this.store.insertNew(more);
		var search = new SubscriberSearch(null, null, "pages", null, null, null, null);
		List<String> seen = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			SubscriberPage page = this.store.search(search, after, 10);
			page.subscribers().forEach(s -> seen.add(s.getEmail().value()));
			after = page.next();
			pages++;
		}
		while (after != null);
		assertThat(pages).isEqualTo(3);
		assertThat(seen).hasSize(23).doesNotHaveDuplicates();
		assertThat(this.store.search(search, null, 23).next()).as("a full last page says so").isNull();
	}

	@Test
	void subscribersStoredBeforeTheSearchKeysAreGivenThemOnce() {
		this.mongo.template()
			.updateMulti(new Query(), new Update().unset("searchNames").unset("companyKey"), Subscriber.COLLECTION);
		assertThat(emails(SubscriberSearch.text("cote"))).isEmpty();

		assertThat(this.store.backfillSearchKeys()).isEqualTo(3);
		assertThat(this.store.backfillSearchKeys()).as("nothing left to do").isZero();
		assertThat(emails(SubscriberSearch.text("cote"))).hasSize(2);
	}

	@Test
	void companiesAreCreatedOnceFromTheirContactsNames() {
		assertThat(this.companies.ensureExist(this.store.companyNames())).isEqualTo(2);
		assertThat(this.companies.ensureExist(List.of("Usinage Côté", " usinage côté ", "Béton Saguenay"))).isZero();

		Document raw = this.mongo.template().findById("company:usinage côté", Document.class, Company.COLLECTION);
		assertThat(raw).as("the shape segment rules query").isNotNull();
		assertThat(raw.getString("name")).isEqualTo("Usinage Côté");
		assertThat(raw.get("attributes", Document.class)).isEmpty();
		assertThat(raw.getDate("createdAt")).isNotNull();

		var company = this.companies.setAttributes("company:usinage côté",
				Map.of("secteur", "génie", "membreDepuis", "2019-03-15"));
		assertThat(company.attributes()).containsEntry("secteur", "Génie").containsEntry("membreDepuis", "2019-03-15");
		assertThat(this.companies.findByName("Usinage Côté").orElseThrow().attributes()).containsEntry("secteur", "Génie");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.companies.setAttributes("company:usinage côté", Map.of("membreDepuis", "hier")))
			.withMessageContaining("date attendue");
		assertThat(this.companies.page("beton", null, 10)).extracting(Company::name).containsExactly("Béton Saguenay");
		assertThat(this.store.findByCompany("Usinage Côté", 10)).extracting(s -> s.getEmail().value())
			.containsExactlyInAnyOrder("eric.cote@usinage.ca", "marc@usinage.ca");
	}

	@Test
	void listsConsentsLapsingSoonestFirst() {
		Instant now = Instant.now();
		String eric = id("eric.cote@usinage.ca");
		this.mongo.template()
			.updateFirst(Query.query(Criteria.where("_id").is(new org.bson.types.ObjectId(eric))),
					new Update().set("consent.expiresAt", java.util.Date.from(now.minusSeconds(3600))), Subscriber.COLLECTION);
		List<Subscriber> lapsing = this.store.consentsLapsingBefore(now.plus(java.time.Duration.ofDays(800)), 10);
		assertThat(lapsing).extracting(s -> s.getEmail().value()).first().isEqualTo("eric.cote@usinage.ca");
		assertThat(lapsing).hasSize(3);
		assertThat(this.store.consentsLapsingBefore(now, 10)).extracting(s -> s.getEmail().value())
			.containsExactly("eric.cote@usinage.ca");
	}

	private List<String> emails(SubscriberSearch search) {
		return this.store.search(search, null, 100).subscribers().stream().map(s -> s.getEmail().value()).toList();
	}

	private String id(String email) {
		return this.store.findByEmail(io.infolettre.newsletter.subscriber.EmailAddress.of(email)).orElseThrow().getId();
	}

}
