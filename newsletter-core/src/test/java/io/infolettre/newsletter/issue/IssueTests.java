package io.infolettre.newsletter.issue;

import java.time.Instant;
import java.util.List;

import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.segment.Audience;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The issue aggregate: its variants, sender, reply-to, edits of drafts only, duplicates. */
class IssueTests {

	private static final Instant NOW = Instant.parse("2026-11-20T14:00:00Z");

	private static final IssueSender ASSOCIATION = new IssueSender("Infolettre des membres", "infolettre@exemple.ca");

	private static final IssueSender PRESIDENCE = new IssueSender("Présidence", "presidence@exemple.ca");

	private static final AllowedSenders SENDERS = new AllowedSenders(List.of(ASSOCIATION, PRESIDENCE));

	private static final IssueVariant FRENCH = new IssueVariant("Bonjour ${firstName!'membre'}", "Ce mois-ci",
			"## Événements");

	private static final IssueVariant ENGLISH = new IssueVariant("Hello ${firstName!'member'}", "This month",
			"## Events");

	private static IssueEdit edit(IssueVariant english, IssueSender sender, String replyTo) {
		return new IssueEdit("Infolettre – décembre", "infolettre", FRENCH, english, sender, replyTo, true);
	}

	private static Issue draft() {
		return Issue.draft(edit(ENGLISH, null, null), Audience.list("membres"), SENDERS, NOW);
	}

	@Test
	void eachReaderGetsTheVariantOfTheirLanguageAndFrenchOtherwise() {
		Issue issue = draft();

		assertThat(issue.languages()).containsExactly("fr", "en");
		assertThat(issue.variant("en")).isEqualTo(ENGLISH);
		assertThat(issue.variant("fr")).isEqualTo(FRENCH);
		assertThat(issue.variant("es")).isEqualTo(FRENCH);
		assertThat(issue.variant(null)).isEqualTo(FRENCH);
		assertThat(issue.languageOf("es")).isEqualTo("fr");
	}

	@Test
	void anIssueWithoutEnglishSendsFrenchToEnglishReaders() {
		Issue issue = Issue.draft(edit(new IssueVariant(" ", "", ""), null, null), Audience.allActive(), SENDERS, NOW);

		assertThat(issue.getEnglish()).as("an English variant left empty is no variant").isNull();
		assertThat(issue.languages()).containsExactly("fr");
		assertThat(issue.variant("en")).isEqualTo(FRENCH);
		assertThat(issue.languageOf("en")).isEqualTo("fr");
	}

	@Test
	void documentsFromBeforeVariantsReadTheirContentAsTheFrenchVariant() {
		Issue issue = new Issue("Ancien", IssueFixtures.infolettre(), Audience.allActive(), NOW);

		assertThat(issue.variant("en").subject()).isEqualTo(IssueFixtures.SUBJECT);
		assertThat(issue.senderOr(SENDERS)).as("no sender stored: the default").isEqualTo(ASSOCIATION);
		assertThat(issue.isArchived()).isTrue();
	}

	@Test
	void refusesASenderThatIsNotConfigured() {
		var stranger = new IssueSender("Président", "president@ailleurs.example");

		assertThatThrownBy(() -> Issue.draft(edit(null, stranger, null), Audience.allActive(), SENDERS, NOW))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Expéditeur non autorisé");
		Issue issue = draft();
		assertThatThrownBy(() -> issue.revise(edit(null, stranger, null), SENDERS, NOW))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(issue.senderOr(SENDERS)).isEqualTo(ASSOCIATION);
	}

	@Test
	void replyToIsAValidAddressAndNeverCarriesALineBreak() {
		Issue issue = draft();
		issue.revise(edit(ENGLISH, PRESIDENCE, " Communications@Exemple.ca "), SENDERS, NOW);
		assertThat(issue.getReplyTo()).isEqualTo("communications@exemple.ca");
		assertThat(issue.senderOr(SENDERS)).isEqualTo(PRESIDENCE);

		assertThatThrownBy(() -> issue.revise(edit(ENGLISH, PRESIDENCE, "a@exemple.ca\r\nBcc: pirate@exemple.ca"),
				SENDERS, NOW))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("Adresse de réponse invalide")
			.hasMessageNotContaining("\n");
		assertThat(issue.getReplyTo()).isEqualTo("communications@exemple.ca");
	}

	@Test
	void onlyADraftIsEdited() {
		Issue issue = draft();
		issue.schedule(NOW.plusSeconds(3600), NOW);

		assertThatThrownBy(() -> issue.revise(edit(null, null, null), SENDERS, NOW))
			.isInstanceOf(IssueStateException.class)
			.hasMessageContaining("Seul un brouillon peut être modifié");
		assertThat(issue.getEnglish()).isEqualTo(ENGLISH);
	}

	@Test
	void anEditSaysWhatItChangedAndNothingWhenNothingChanged() {
		Issue issue = draft();
		IssueEdit before = issue.currentEdit();

		assertThat(issue.revise(before, SENDERS, NOW.plusSeconds(60))).isEmpty();
		assertThat(issue.getUpdatedAt()).isEqualTo(NOW);

		var changed = new IssueEdit("Infolettre – janvier", "infolettre",
				new IssueVariant(FRENCH.subject(), FRENCH.preheader(), "## Formations"), ENGLISH, PRESIDENCE, null, false);
		assertThat(issue.revise(changed, SENDERS, NOW.plusSeconds(60))).containsExactly("title", "french", "sender",
				"archived");
		assertThat(issue.currentEdit()).isEqualTo(changed);
		assertThat(issue.isArchived()).isFalse();
		assertThat(issue.getUpdatedAt()).isEqualTo(NOW.plusSeconds(60));
	}

	@Test
	void aDuplicateIsANewDraftWithTheSameContentAndNoSchedule() {
		Issue issue = draft();
		issue.revise(edit(ENGLISH, PRESIDENCE, "communications@exemple.ca"), SENDERS, NOW);
		issue.schedule(NOW.plusSeconds(3600), NOW);

		Issue copy = issue.duplicate(NOW.plusSeconds(10));

		assertThat(copy.getTitle()).isEqualTo("Copie de Infolettre – décembre");
		assertThat(copy.getStatus()).isEqualTo(IssueStatus.DRAFT);
		assertThat(copy.getScheduledAt()).isNull();
		assertThat(copy.getId()).isNull();
		assertThat(copy.getAudience()).isEqualTo(Audience.list("membres"));
		assertThat(copy.getContent()).isEqualTo(issue.getContent());
		assertThat(copy.getEnglish()).isEqualTo(ENGLISH);
		assertThat(copy.getSender()).isEqualTo(PRESIDENCE);
		assertThat(copy.getReplyTo()).isEqualTo("communications@exemple.ca");
		assertThat(copy.getCreatedAt()).isEqualTo(NOW.plusSeconds(10));
	}

}
