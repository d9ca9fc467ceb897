package io.infolettre.newsletter.issue.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.fixtures.EmbeddedMongo;
import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.issue.AllowedSenders;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueEdit;
import io.infolettre.newsletter.issue.IssueSender;
import io.infolettre.newsletter.issue.IssueVariant;
import io.infolettre.newsletter.issue.IssueVersion;
import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.rendering.Blocks;
import io.infolettre.newsletter.segment.Audience;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blocks as MongoDB stores them: flat documents with their type, in the issue's {@code content} and
 * {@code english}, its history and the saved blocks, with the issue's {@code mediaIds} kept in step;
 * documents written before blocks read as one Markdown block.
 */
class BlockDocumentsIntegrationTests {

	private static final AllowedSenders SENDERS = new AllowedSenders(
			List.of(new IssueSender("Infolettre", "infolettre@exemple.ca")));

	private EmbeddedMongo mongo;

	private MongoTemplate template;

	@BeforeEach
	void start() {
		this.mongo = new EmbeddedMongo();
		var conversions = new MongoCustomConversions(
				List.of(new BlockDocuments.BlockToDocument(), new BlockDocuments.DocumentToBlock()));
		var context = new MongoMappingContext();
		context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
		context.afterPropertiesSet();
		var converter = new MappingMongoConverter(new DefaultDbRefResolver(this.mongo.template().getMongoDatabaseFactory()),
				context);
		converter.setCustomConversions(conversions);
		converter.afterPropertiesSet();
		this.template = new MongoTemplate(this.mongo.template().getMongoDatabaseFactory(), converter);
	}

	@AfterEach
	void stop() {
		this.mongo.close();
	}

	private static List<Block> blocks(String mediaId) {
		return Blocks.fromJson(List.of(Map.of("type", "heading", "text", "Bonjour ${firstName!'Membre'}"),
				Map.of("type", "columns", "left", List.of(Map.of("type", "image", "mediaId", mediaId, "alt", "Photo")),
						"right", List.of(Map.of("type", "button", "label", "Voir", "url", "https://exemple.ca")))));
	}

	@Test
	void blocksAreStoredFlatWithTheImagesOfBothVariantsAndReadBack() {
		var issue = Issue.draft(new IssueEdit("Blocs", "infolettre", new IssueVariant("Objet", "", null, blocks("fr-photo")),
				new IssueVariant("Subject", "", null, blocks("en-photo")), null, null, true), Audience.allActive(), SENDERS,
				IssueFixtures.CREATED_AT);
		this.template.insert(issue);

		Document stored = this.template.findById(issue.getId(), Document.class, "issues");
		@SuppressWarnings("unchecked")
		var french = (List<Document>) stored.get("content", Document.class).get("blocks");
		assertThat(french.get(0)).isEqualTo(new Document("type", "heading").append("text", "Bonjour ${firstName!'Membre'}")
			.append("level", 2));
		@SuppressWarnings("unchecked")
		var left = (List<Document>) french.get(1).get("left");
		assertThat(left.get(0)).isEqualTo(new Document("type", "image").append("mediaId", "fr-photo").append("alt", "Photo"));
		assertThat(stored.getList("mediaIds", String.class)).containsExactly("fr-photo", "en-photo");
		assertThat(this.template.find(Query.query(Criteria.where("mediaIds").is("en-photo")), Issue.class)).hasSize(1);

		Issue read = this.template.findById(issue.getId(), Issue.class);
		assertThat(read.currentEdit()).isEqualTo(issue.currentEdit());
		assertThat(read.getEnglish().blocks()).isEqualTo(blocks("en-photo"));

		this.template.insert(new IssueVersion(null, issue.getId(), Instant.EPOCH, "admin", List.of("french"),
				issue.currentEdit()));
		var version = this.template.findOne(Query.query(Criteria.where("issueId").is(issue.getId())), IssueVersion.class);
		assertThat(version.previous().french().blocks()).isEqualTo(blocks("fr-photo"));
	}

	@Test
	void aDocumentFromBeforeBlocksReadsAsOneMarkdownBlock() {
		this.template.insert(new Document("title", "Ancien").append("status", "DRAFT")
			.append("content", new Document("subject", "Bonjour").append("body", "## Titre\n\nTexte")
				.append("template", "infolettre"))
			.append("english", new Document("subject", "Hello").append("body", "## Title")), "issues");

		Issue old = this.template.findOne(Query.query(Criteria.where("title").is("Ancien")), Issue.class);

		assertThat(old.french().body()).isEqualTo("## Titre\n\nTexte");
		assertThat(old.french().blocks()).containsExactly(Block.markdown("## Titre\n\nTexte"));
		assertThat(old.getEnglish().blocks()).containsExactly(Block.markdown("## Title"));
		assertThat(old.getMediaIds()).isEmpty();
	}

	@Test
	void savedBlocksAreKeptListedByNameRenamedAndFoundByTheirImages() {
		var clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
		var saved = new MongoSavedBlocks(this.template, clock);
		saved.createIndexes();
		var logo = saved.save("Logo", blocks("logo").get(1));
		saved.save("Avantages membres", Blocks.fromJson(List.of(Map.of("type", "divider"))).get(0));

		assertThat(saved.list()).extracting(s -> s.name()).containsExactly("Avantages membres", "Logo");
		assertThat(saved.find(logo.id()).orElseThrow().block()).isEqualTo(blocks("logo").get(1));
		assertThat(saved.using("logo")).extracting(s -> s.id()).containsExactly(logo.id());
		assertThat(saved.rename(logo.id(), " Logo du partenaire ").name()).isEqualTo("Logo du partenaire");
		assertThat(this.template.findById(logo.id(), Document.class, "saved_blocks").get("block", Document.class)
			.getString("type")).isEqualTo("columns");
		assertThat(saved.delete(logo.id())).isTrue();
		assertThat(saved.using("logo")).isEmpty();
	}

}
