package io.infolettre.newsletter.issue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.shared.Actor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The review of a draft on the aggregate: submit, approve (four eyes when the team requires it),
 * request changes (with a comment), an edit after submission or approval, and the refusal to
 * schedule or send what is not approved. Each refusal leaves the review as it was.
 */
class IssueReviewTests {

	private static final Actor CAMILLE = new Actor("p-camille", "Camille Coordination", null, "127.0.0.1");

	private static final Actor ALEX = new Actor("p-alex", "Alex Approbation", null, "127.0.0.1");

	private static final Actor DOMINIQUE = new Actor("p-dominique", "Dominique Direction", null, "127.0.0.1");

	private static final AllowedSenders SENDERS = new AllowedSenders(
			List.of(new IssueSender("Infolettre des membres", "infolettre@exemple.ca")));

	private static final SendTime WISHED = SendTime.of(LocalDateTime.of(2026, 12, 10, 9, 0), SendTime.QUEBEC);

	private static Instant minute(int n) {
		return IssueFixtures.minute(n);
	}

	private static Issue submittedBy(Actor author) {
		Issue issue = IssueFixtures.draftIssue();
		issue.revise(edit(issue, "Premier jet"), SENDERS, author, minute(1));
		issue.submit(author, WISHED, "  À envoyer avant le 5 à 7  ", minute(2));
		return issue;
	}

	private static IssueEdit edit(Issue issue, String subject) {
		return new IssueEdit(issue.getTitle(), "infolettre", new IssueVariant(subject, "", "Bonjour"), null, null, null,
				true);
	}

	@Test
	void aSubmissionRecordsItsAuthorWishAndNoteAndTellsTheApprovers() {
		Issue issue = submittedBy(CAMILLE);

		assertThat(issue.getReviewState()).isEqualTo(ReviewState.SUBMITTED);
		assertThat(issue.getReviewAuthorId()).isEqualTo("p-camille");
		assertThat(issue.getWishedSendTime()).isEqualTo(WISHED);
		assertThat(issue.getSubmissionNote()).isEqualTo("À envoyer avant le 5 à 7");
		assertThat(issue.getReviewHistory()).singleElement()
			.satisfies(step -> assertThat(step).isEqualTo(new ReviewStep(ReviewStep.Kind.SUBMITTED, "p-camille",
					"Camille Coordination", minute(2), "À envoyer avant le 5 à 7", 1)));
		assertThat(issue.domainEvents()).containsExactly(new IssueSubmitted(null, issue.getTitle(), CAMILLE, WISHED,
				"À envoyer avant le 5 à 7", false));
	}

	@Test
	void aSubmittedOrApprovedDraftCannotBeSubmittedAgain() {
		Issue submitted = submittedBy(CAMILLE);
		assertRefused(() -> submitted.submit(CAMILLE, null, null, minute(3)), submitted, "attend déjà une approbation");

		Issue approved = submittedBy(CAMILLE);
		approved.approve(ALEX, true, minute(3));
		assertRefused(() -> approved.submit(CAMILLE, null, null, minute(4)), approved, "déjà approuvé");
	}

	@Test
	void onlyADraftIsSubmitted() {
		Issue scheduled = IssueFixtures.scheduledIssue();
		assertRefused(() -> scheduled.submit(CAMILLE, null, null, minute(3)), scheduled, "Seul un brouillon");
	}

	@Test
	void anotherPersonApproves() {
		Issue issue = submittedBy(CAMILLE);
		issue.clearDomainEvents();

		issue.approve(ALEX, true, minute(3));

		assertThat(issue.getReviewState()).isEqualTo(ReviewState.APPROVED);
		assertThat(issue.lastReview()).isEqualTo(new ReviewStep(ReviewStep.Kind.APPROVED, "p-alex", "Alex Approbation",
				minute(3), null, 1));
		assertThat(issue.domainEvents()).containsExactly(
				new IssueApproved(null, issue.getTitle(), ALEX, "p-camille", "Camille Coordination"));
	}

	@Test
	void underFourEyesTheAuthorCannotApproveTheirOwn() {
		Issue issue = submittedBy(CAMILLE);
		assertThat(issue.mayBeApprovedBy("p-camille", true)).isFalse();
		assertRefused(() -> issue.approve(CAMILLE, true, minute(3)), issue, "Vous avez soumis ce numéro");
	}

	@Test
	void underFourEyesTheLastEditorCannotApprove() {
		Issue issue = submittedBy(CAMILLE);
		issue.revise(edit(issue, "Corrigé par Alex"), SENDERS, ALEX, minute(3));

		assertThat(issue.getReviewState()).as("an edit of a submitted draft keeps it submitted")
			.isEqualTo(ReviewState.SUBMITTED);
		assertThat(issue.mayBeApprovedBy("p-alex", true)).isFalse();
		assertRefused(() -> issue.approve(ALEX, true, minute(4)), issue, "Vous avez modifié ce numéro en dernier");
		assertThatNoException().isThrownBy(() -> issue.approve(DOMINIQUE, true, minute(4)));
	}

	@Test
	void underFourEyesThePlatformCannotApprove() {
		Issue issue = submittedBy(CAMILLE);
		assertRefused(() -> issue.approve(Actor.SYSTEM, true, minute(3)), issue, "Seule une personne");
	}

	@Test
	void withoutFourEyesTheAuthorMayApproveTheirOwn() {
		Issue issue = submittedBy(CAMILLE);
		assertThat(issue.mayBeApprovedBy("p-camille", false)).isTrue();
		issue.approve(CAMILLE, false, minute(3));
		assertThat(issue.getReviewState()).isEqualTo(ReviewState.APPROVED);
	}

	@Test
	void onlyASubmittedDraftIsApproved() {
		Issue never = IssueFixtures.draftIssue();
		assertRefused(() -> never.approve(ALEX, true, minute(3)), never, "Seul un brouillon soumis");

		Issue sentBack = submittedBy(CAMILLE);
		sentBack.requestChanges(ALEX, "Le lien est brisé", minute(3));
		assertRefused(() -> sentBack.approve(ALEX, true, minute(4)), sentBack, "Seul un brouillon soumis");

		Issue approved = submittedBy(CAMILLE);
		approved.approve(ALEX, true, minute(3));
		assertRefused(() -> approved.approve(DOMINIQUE, true, minute(4)), approved, "Seul un brouillon soumis");
	}

	@Test
	void aRequestForChangesNeedsAComment() {
		Issue issue = submittedBy(CAMILLE);
		List<Object> before = review(issue);

		assertThatIllegalArgumentException().isThrownBy(() -> issue.requestChanges(ALEX, "   ", minute(3)))
			.withMessageContaining("commentaire est obligatoire");

		assertThat(review(issue)).isEqualTo(before);
	}

	@Test
	void aRequestForChangesGoesBackToTheAuthorWhoResubmits() {
		Issue issue = submittedBy(CAMILLE);
		issue.clearDomainEvents();

		issue.requestChanges(ALEX, " Le lien du 5 à 7 est brisé ", minute(3));

		assertThat(issue.getReviewState()).isEqualTo(ReviewState.CHANGES_REQUESTED);
		assertThat(issue.domainEvents()).containsExactly(new IssueChangesRequested(null, issue.getTitle(), ALEX,
				"p-camille", "Camille Coordination", "Le lien du 5 à 7 est brisé"));

		issue.revise(edit(issue, "Lien corrigé"), SENDERS, CAMILLE, minute(4));
		assertThat(issue.getReviewState()).as("the author edits, then resubmits").isEqualTo(ReviewState.CHANGES_REQUESTED);
		issue.submit(CAMILLE, WISHED, null, minute(5));

		assertThat(issue.getReviewState()).isEqualTo(ReviewState.SUBMITTED);
		assertThat(issue.getRevision()).isEqualTo(2);
		assertThat(issue.lastReview().revision()).as("what the reviewer saw, for the diff").isEqualTo(1);
	}

	@Test
	void onlyASubmittedOrApprovedDraftIsSentBack() {
		Issue never = IssueFixtures.draftIssue();
		assertRefused(() -> never.requestChanges(ALEX, "Non", minute(3)), never, "Seul un brouillon soumis ou approuvé");
		Issue scheduled = IssueFixtures.scheduledIssue();
		assertRefused(() -> scheduled.requestChanges(ALEX, "Non", minute(3)), scheduled,
				"Seul un brouillon soumis ou approuvé");
	}

	@Test
	void anEditAfterApprovalSendsItBackToReviewWithTheEditorAsAuthor() {
		Issue issue = submittedBy(CAMILLE);
		issue.approve(ALEX, true, minute(3));
		issue.clearDomainEvents();

		issue.revise(edit(issue, "Une dernière retouche"), SENDERS, CAMILLE, minute(4));

		assertThat(issue.getReviewState()).isEqualTo(ReviewState.SUBMITTED);
		assertThat(issue.getReviewHistory()).last()
			.isEqualTo(new ReviewStep(ReviewStep.Kind.EDITED_AFTER_APPROVAL, "p-camille", "Camille Coordination",
					minute(4), null, 2));
		assertThat(issue.domainEvents()).containsExactly(new IssueSubmitted(null, issue.getTitle(), CAMILLE, WISHED,
				null, true));
		assertThatExceptionOfType(ApprovalMissingException.class).isThrownBy(() -> issue.requireApproval(true));
	}

	@Test
	void anEditOfTheAudienceAfterApprovalAlsoSendsItBack() {
		Issue issue = submittedBy(CAMILLE);
		issue.approve(ALEX, true, minute(3));

		issue.edit(issue.getTitle(), issue.getContent(), Audience.list("conseil"), CAMILLE, minute(4));

		assertThat(issue.getReviewState()).isEqualTo(ReviewState.SUBMITTED);
	}

	@Test
	void aSaveThatChangesNothingKeepsTheApproval() {
		Issue issue = submittedBy(CAMILLE);
		issue.approve(ALEX, true, minute(3));

		issue.revise(issue.currentEdit(), SENDERS, CAMILLE, minute(4));
		issue.edit(issue.getTitle(), issue.getContent(), issue.getAudience(), CAMILLE, minute(4));

		assertThat(issue.getReviewState()).isEqualTo(ReviewState.APPROVED);
	}

	@Test
	void whenApprovalIsRequiredOnlyAnApprovedDraftIsScheduledOrSent() {
		for (Issue issue : List.of(IssueFixtures.draftIssue(), submittedBy(CAMILLE), sentBack())) {
			assertThatExceptionOfType(ApprovalMissingException.class).isThrownBy(() -> issue.requireApproval(true))
				.withMessageContaining("doit être approuvé avant d'être programmé ou envoyé");
			assertThatNoException().as("no approval required").isThrownBy(() -> issue.requireApproval(false));
		}
		Issue approved = submittedBy(CAMILLE);
		approved.approve(ALEX, true, minute(3));
		assertThatNoException().isThrownBy(() -> approved.requireApproval(true));
		assertThatNoException().as("a send that failed was approved before it started")
			.isThrownBy(() -> IssueFixtures.failedIssue().requireApproval(true));
	}

	@Test
	void aCopyStartsItsOwnReview() {
		Issue issue = submittedBy(CAMILLE);
		issue.approve(ALEX, true, minute(3));

		Issue copy = issue.duplicate(minute(4));

		assertThat(copy.getReviewState()).isEqualTo(ReviewState.NONE);
		assertThat(copy.getReviewHistory()).isEmpty();
	}

	private static Issue sentBack() {
		Issue issue = submittedBy(CAMILLE);
		issue.requestChanges(ALEX, "Non", minute(3));
		return issue;
	}

	private static void assertRefused(Runnable step, Issue issue, String reason) {
		List<Object> before = review(issue);
		assertThatExceptionOfType(ReviewRefusedException.class).isThrownBy(step::run).withMessageContaining(reason);
		assertThat(review(issue)).isEqualTo(before);
	}

	private static List<Object> review(Issue issue) {
		return Arrays.asList(issue.getStatus(), issue.getReviewState(), issue.getReviewAuthorId(),
				issue.getReviewHistory(), issue.getRevision(), issue.getUpdatedAt(), issue.domainEvents());
	}

}
