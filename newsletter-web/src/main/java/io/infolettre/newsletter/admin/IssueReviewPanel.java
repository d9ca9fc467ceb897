package io.infolettre.newsletter.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.ReviewState;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.TeamMember;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The « Approbation » panel of the issue page: where the draft stands, what its reader may do about it
 * (submit, approve, approve and schedule, request changes, send themselves a test), its review steps,
 * and for a reviewer the diff of what changed since the last review.
 */
@Component
class IssueReviewPanel {

	private final IssueManagement issues;

	private final CurrentActor current;

	private final ScheduleTexts texts;

	private final MessageSource messages;

	private final Clock clock;

	IssueReviewPanel(IssueManagement issues, CurrentActor current, ScheduleTexts texts, MessageSource messages,
			Clock clock) {
		this.issues = issues;
		this.current = current;
		this.texts = texts;
		this.messages = messages;
		this.clock = clock;
	}

	void addTo(Model model, Issue issue, Locale locale) {
		boolean required = this.issues.approvalRequired();
		boolean draft = issue.getStatus() == IssueStatus.DRAFT;
		ReviewState state = issue.getReviewState();
		var member = this.current.member();
		boolean reviewer = member.map(m -> m.can(Permission.ISSUES_APPROVE)).orElse(false);
		boolean editor = member.map(m -> m.can(Permission.ISSUES_EDIT)).orElse(false);
		String personId = member.map(TeamMember::personId).orElse(null);
		model.addAttribute("approvalRequired", required);
		model.addAttribute("reviewState", state);
		model.addAttribute("reviewShown", draft || state != ReviewState.NONE);
		model.addAttribute("maySubmit", draft && editor && state.maySubmit());
		model.addAttribute("mayReview", draft && reviewer && state == ReviewState.SUBMITTED);
		model.addAttribute("mayApprove", reviewer && issue.mayBeApprovedBy(personId, required));
		model.addAttribute("maySendBack", draft && reviewer
				&& (state == ReviewState.SUBMITTED || state == ReviewState.APPROVED));
		model.addAttribute("mayApproveAndSchedule", reviewer && issue.mayBeApprovedBy(personId, required)
				&& member.map(m -> m.can(Permission.ISSUES_SEND)).orElse(false) && issue.getWishedSendTime() != null
				&& issue.getWishedSendTime().instant().isAfter(this.clock.instant()));
		model.addAttribute("approvalBlocksSend", required && draft && state != ReviewState.APPROVED);
		model.addAttribute("wishedSendTime",
				issue.getWishedSendTime() == null ? null : this.texts.at(issue.getWishedSendTime(), locale));
		model.addAttribute("reviewHistory", issue.getReviewHistory());
		model.addAttribute("wishedDefault", LocalDate.now(this.clock.withZone(this.texts.defaultZone())).plusDays(1));
		if (draft && state != ReviewState.NONE) {
			model.addAttribute("reviewDiff", this.issues.contentAtLastReview(issue)
				.map(before -> IssueReviewDiff.between(before, issue.currentEdit(),
						part -> this.messages.getMessage("review.diff.part." + part, null, locale)))
				.orElse(null));
		}
	}

}
