package io.infolettre.newsletter.issue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.issue.ReviewStep.Kind;
import io.infolettre.newsletter.shared.Actor;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * The review of a draft: its state, who submitted it (its author for this round), the wished send time
 * and the note that came with the submission, and the steps so far. {@link Issue} says when each step
 * may happen; this records it. Stored as the issue's {@code review} document.
 */
final class Review {

	private static final int HISTORY_KEPT = 100;

	private ReviewState state = ReviewState.NONE;

	private String authorId;

	private String authorName;

	private SendTime wishedTime;

	private String note;

	private List<ReviewStep> history = new ArrayList<>();

	@PersistenceCreator
	Review() {
	}

	void submitted(Actor author, SendTime wishedTime, String note, int revision, Instant now) {
		this.state = ReviewState.SUBMITTED;
		this.authorId = author.personId();
		this.authorName = author.name();
		this.wishedTime = wishedTime;
		this.note = note;
		record(Kind.SUBMITTED, author, note, revision, now);
	}

	void approved(Actor approver, int revision, Instant now) {
		this.state = ReviewState.APPROVED;
		record(Kind.APPROVED, approver, null, revision, now);
	}

	void changesRequested(Actor reviewer, String comment, int revision, Instant now) {
		this.state = ReviewState.CHANGES_REQUESTED;
		record(Kind.CHANGES_REQUESTED, reviewer, comment, revision, now);
	}

	/** An approved draft was edited: the approval no longer holds, and the editor asks for the next. */
	void editedAfterApproval(Actor editor, int revision, Instant now) {
		this.state = ReviewState.SUBMITTED;
		this.authorId = editor.personId();
		this.authorName = editor.name();
		record(Kind.EDITED_AFTER_APPROVAL, editor, null, revision, now);
	}

	private void record(Kind kind, Actor actor, String comment, int revision, Instant now) {
		this.history.add(new ReviewStep(kind, actor.personId(), actor.name(), now, comment, revision));
		if (this.history.size() > HISTORY_KEPT) {
			this.history = new ArrayList<>(this.history.subList(this.history.size() - HISTORY_KEPT, this.history.size()));
		}
	}

	ReviewState state() {
		return this.state == null ? ReviewState.NONE : this.state;
	}

	String authorId() {
		return this.authorId;
	}

	String authorName() {
		return this.authorName;
	}

	SendTime wishedTime() {
		return this.wishedTime;
	}

	String note() {
		return this.note;
	}

	List<ReviewStep> history() {
		return this.history == null ? List.of() : List.copyOf(this.history);
	}

	/** The last step a reviewer took (an approval or a request for changes), if any. */
	ReviewStep lastReview() {
		for (int i = history().size() - 1; i >= 0; i--) {
			ReviewStep step = this.history.get(i);
			if (step.kind() == Kind.APPROVED || step.kind() == Kind.CHANGES_REQUESTED) {
				return step;
			}
		}
		return null;
	}

}
