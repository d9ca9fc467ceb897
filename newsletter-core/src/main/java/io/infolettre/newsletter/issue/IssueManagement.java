package io.infolettre.newsletter.issue;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.infolettre.newsletter.rendering.Blocks;
import io.infolettre.newsletter.rendering.IssueRenderer;
import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.shared.Actor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The issue use cases. Every status change goes through the aggregate, then is stored.
 */
@Service
public class IssueManagement {

	private final Issues issues;

	private final IssueVersions versions;

	private final AllowedSenders senders;

	private final IssueRenderer renderer;

	private final Clock clock;

	private final ApprovalPolicy approval;

	IssueManagement(Issues issues, IssueVersions versions, AllowedSenders senders, IssueRenderer renderer,
			Clock clock, ObjectProvider<ApprovalPolicy> approval) {
		this.approval = approval.getIfAvailable(() -> () -> false);
		this.issues = issues;
		this.renderer = renderer;
		this.versions = versions;
		this.senders = senders;
		this.clock = clock;
	}

	/** The senders an issue may be sent from, the default first. */
	public AllowedSenders senders() {
		return this.senders;
	}

	/**
	 * A new draft with its variants, template, sender and reply-to.
	 * @throws IllegalArgumentException when the sender is not allowed or the reply-to is no address
	 */
	public Issue create(IssueEdit edit, Audience audience) {
		checkSafe(edit);
		return this.issues.save(Issue.draft(edit, audience, this.senders, this.clock.instant()));
	}

	/**
	 * Saves an edit of a draft. The content before it goes to the history (who, when, what changed)
	 * when anything changed.
	 * A change of a submitted or approved draft sends it back to review.
	 * @param who the person saving it
	 * @throws IssueStateException when the issue is no longer a draft
	 * @throws IllegalArgumentException when the edit is invalid
	 * @throws TemplateProblem when the subject or the body holds what a template may not do
	 * @throws io.infolettre.newsletter.rendering.BlockProblem when a block is invalid
	 */
	public Issue revise(String id, IssueEdit edit, Actor who) {
		checkSafe(edit);
		Issue issue = get(id);
		IssueEdit before = issue.currentEdit();
		int revisionBefore = issue.getRevision();
		var now = this.clock.instant();
		List<String> changes = issue.revise(edit, this.senders, who, now);
		if (changes.isEmpty()) {
			return issue;
		}
		// saved first: a concurrent edit fails on the @Version check and leaves no version behind
		Issue saved = this.issues.save(issue);
		this.versions.save(new IssueVersion(null, id, now, who.name(), changes, before, revisionBefore));
		return saved;
	}

	/** Whether the team requires an approval by someone else than the author before a send. */
	public boolean approvalRequired() {
		return this.approval.approvalRequired();
	}

	/**
	 * The author asks for an approval, with the time they would like it sent and a note, both optional.
	 * @throws ReviewRefusedException when it is no draft, or waits for an approval already
	 */
	public Issue submit(String id, Actor author, SendTime wishedTime, String note) {
		return change(id, issue -> issue.submit(author, wishedTime, note, this.clock.instant()));
	}

	/**
	 * Approves a submitted draft; under four eyes, refused to its author and to its last editor.
	 * @throws ReviewRefusedException when it waits for no approval or this person may not give it
	 */
	public Issue approve(String id, Actor approver) {
		return change(id, issue -> issue.approve(approver, approvalRequired(), this.clock.instant()));
	}

	/**
	 * Sends a submitted or approved draft back to its author with a comment.
	 * @throws IllegalArgumentException when the comment is empty
	 */
	public Issue requestChanges(String id, Actor reviewer, String comment) {
		return change(id, issue -> issue.requestChanges(reviewer, comment, this.clock.instant()));
	}

	/** The drafts submitted and not reviewed yet, oldest first. */
	public List<Issue> awaitingApproval() {
		return this.issues.findByStatus(IssueStatus.DRAFT)
			.stream()
			.filter(issue -> issue.getReviewState() == ReviewState.SUBMITTED)
			.sorted(Comparator.comparing(Issue::getUpdatedAt))
			.toList();
	}

	/**
	 * The content as the last reviewer saw it (their approval or request for changes), to show what
	 * changed since; empty when nobody reviewed it yet.
	 */
	public Optional<IssueEdit> contentAtLastReview(Issue issue) {
		ReviewStep last = issue.lastReview();
		if (last == null) {
			return Optional.empty();
		}
		return Optional.of(IssueVersion.contentAt(last.revision(), issue, versions(issue.getId())));
	}

	/** The saved edits of an issue, newest first. */
	public List<IssueVersion> versions(String id) {
		return this.versions.findByIssueIdOrderBySavedAtDesc(id);
	}

	/** A new draft copied from an issue in any status (« Copie de … », no schedule). */
	public Issue duplicate(String id) {
		return this.issues.save(get(id).duplicate(this.clock.instant()));
	}

	public Issue get(String id) {
		return this.issues.findById(id).orElseThrow(() -> new IssueNotFoundException(id));
	}

	public Issue createDraft(String title, IssueContent content, Audience audience) {
		checkSafe(content);
		return this.issues.save(new Issue(title, content, audience, this.clock.instant()));
	}

	/**
	 * Creates a series' draft under the id the series chose for this occurrence.
	 * @return the new draft, or empty when that id exists already (created before a crash, or by
	 * another instance)
	 */
	public Optional<Issue> createSeriesDraft(String id, String title, IssueContent content, Audience audience,
			String seriesId) {
		checkSafe(content);
		try {
			return Optional.of(this.issues.insert(new Issue(id, title, content, audience, seriesId, this.clock.instant())));
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Creates a series' draft from its model issue (both variants, sender, reply-to, audience) under
	 * the id the series chose for this occurrence.
	 * @return the new draft, or empty when that id exists already
	 */
	public Optional<Issue> createSeriesDraft(String id, String title, Issue model, String seriesId) {
		try {
			return Optional.of(this.issues.insert(model.copy(id, title, seriesId, this.clock.instant())));
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	public Optional<Issue> find(String id) {
		return this.issues.findById(id);
	}

	/** A change of a submitted or approved draft sends it back to review. */
	public Issue editDraft(String id, String title, IssueContent content, Audience audience, Actor who) {
		checkSafe(content);
		return change(id, issue -> issue.edit(title, content, audience, who, this.clock.instant()));
	}

	/** @throws ApprovalMissingException when the team requires an approval and the draft has none */
	public Issue schedule(String id, Instant at) {
		return change(id, issue -> {
			issue.requireApproval(approvalRequired());
			issue.schedule(at, this.clock.instant());
		});
	}

	/**
	 * @throws ApprovalMissingException when the team requires an approval and the draft has none
	 * @see Issue#schedule(SendTime, SendWindow, Instant)
	 */
	public Issue schedule(String id, SendTime time, SendWindow window) {
		return change(id, issue -> {
			issue.requireApproval(approvalRequired());
			issue.schedule(time, window, this.clock.instant());
		});
	}

	/**
	 * Refuses early (before any check of the content) a send of a draft that needs an approval.
	 * @throws ApprovalMissingException when the team requires an approval and the draft has none
	 */
	public void requireApproval(Issue issue) {
		issue.requireApproval(approvalRequired());
	}

	public Issue unschedule(String id) {
		return change(id, issue -> issue.unschedule(this.clock.instant()));
	}

	public Issue markMissed(String id) {
		return change(id, issue -> issue.markMissed(this.clock.instant()));
	}

	/** A person pauses a send (or takes over a pause that would resume by itself). */
	public Issue pause(String id, String reason) {
		return change(id, issue -> issue.pause(reason, this.clock.instant()));
	}

	/** The engine pauses a send for a person to look at. */
	public Issue pauseAutomatically(String id, String reason) {
		return change(id, issue -> issue.pauseAutomatically(reason, this.clock.instant()));
	}

	/** The engine pauses a send at the end of its window; it resumes by itself at {@code opening}. */
	public Issue pauseUntilWindowOpens(String id, String reason, Instant opening) {
		return change(id, issue -> issue.pauseUntilWindowOpens(reason, opening, this.clock.instant()));
	}

	/** @see Issue#pauseForRelayOutage(String, Instant, boolean, Instant) */
	public Issue pauseForRelayOutage(String id, String reason, Instant probeAt, boolean deliveredSinceResumed) {
		return change(id,
				issue -> issue.pauseForRelayOutage(reason, probeAt, deliveredSinceResumed, this.clock.instant()));
	}

	/** The relay, tried again, still does not answer: the next try at {@code probeAt}. */
	public Issue relayStillUnavailable(String id, Instant probeAt) {
		return change(id, issue -> issue.relayStillUnavailable(probeAt, this.clock.instant()));
	}

	/** The engine stops waiting for the relay: the send waits for a person. */
	public Issue abandonAutomaticResume(String id, String reason) {
		return change(id, issue -> issue.abandonAutomaticResume(reason, this.clock.instant()));
	}

	/** A person resumes a paused send. */
	public Issue resume(String id) {
		return change(id, issue -> issue.resume(this.clock.instant()));
	}

	/**
	 * The engine resumes a send that waited for {@code cause} to pass.
	 * @throws IssueStateException when it no longer waits for that (a person paused, resumed or
	 * cancelled it meanwhile)
	 */
	public Issue resumeAutomatically(String id, PauseCause cause, String why) {
		return change(id, issue -> issue.resumeAutomatically(cause, why, this.clock.instant()));
	}

	public Issue cancel(String id) {
		return change(id, issue -> issue.cancel(this.clock.instant()));
	}

	public Issue resendUndelivered(String id) {
		return change(id, issue -> issue.resendUndelivered(this.clock.instant()));
	}

	/** The status as stored now; cheap enough to ask between two chunks of a send. */
	public IssueStatus statusOf(String id) {
		return get(id).getStatus();
	}

	public List<Issue> withStatus(IssueStatus status) {
		return this.issues.findByStatus(status);
	}

	public Issue startSending(String id) {
		return change(id, issue -> issue.startSending(this.clock.instant()));
	}

	public Issue markSent(String id) {
		return change(id, issue -> issue.markSent(this.clock.instant()));
	}

	public Issue markFailed(String id, String reason) {
		return change(id, issue -> issue.markFailed(reason, this.clock.instant()));
	}

	/**
	 * Authors are untrusted: what a subject or a body may not do is refused when it is saved, with
	 * where it is, rather than found when it is rendered.
	 */
	private void checkSafe(IssueEdit edit) {
		checkSafe(edit.template(), edit.title(), edit.french(), "fr");
		if (edit.english() != null) {
			checkSafe(edit.template(), edit.title(), edit.english(), "en");
		}
	}

	private void checkSafe(String template, String title, IssueVariant variant, String language) {
		// blocks made in Java (not read from JSON) are checked as the JSON is
		Blocks.check(variant.blocks());
		this.renderer.checkSafe(new MessageDraft(template, title, variant.subject(), variant.preheader(),
				variant.body(), language, variant.blocks(), Map.of()));
	}

	private void checkSafe(IssueContent content) {
		checkSafe(content.template(), null, content.variant(), content.language());
	}

	// The @Version field makes a concurrent change fail instead of being silently overwritten.
	private Issue change(String id, Consumer<Issue> transition) {
		Issue issue = get(id);
		transition.accept(issue);
		return this.issues.save(issue);
	}

}
