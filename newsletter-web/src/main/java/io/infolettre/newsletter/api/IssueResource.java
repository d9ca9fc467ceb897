package io.infolettre.newsletter.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.delivery.DeliveryProgress;
import io.infolettre.newsletter.issue.AllowedSenders;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.PauseCause;
import io.infolettre.newsletter.issue.SendHistoryEntry;

/**
 * An issue as the API shows it.
 *
 * @param pauseCause why a paused send is paused (null otherwise): SEND_WINDOW and RELAY_UNAVAILABLE
 * resume by themselves ({@code schedule.resumeAt}), COORDINATION and ENGINE wait for a person
 * @param sendHistory the send's pauses and resumes, oldest first
 * @param review where the draft stands in its review (submitted, approved, changes requested)
 */
record IssueResource(String id, String title, String subject, String template, String language, String audienceList,
		String audienceSegment, IssueStatus status, Instant createdAt, Instant scheduledAt, Instant sentAt, String failureReason,
		String pauseReason, PauseCause pauseCause, ScheduleResource schedule, String seriesId, Progress progress,
		Map<String, VariantRequest> variants, Sender sender, String replyTo, boolean archived,
		List<SendHistoryEntry> sendHistory, ReviewResource review) {

	record Sender(String name, String email) {

	}

	/**
	 * @param rate messages per second now (0 when idle)
	 * @param secondsLeft until the end at that rate, -1 when it cannot be told
	 */
	record Progress(long total, long sent, long failed, long skipped, long uncertain, long pending, int percent,
			double rate, long secondsLeft) {

		static Progress of(DeliveryProgress p) {
			return new Progress(p.total(), p.sent(), p.failed(), p.skipped(), p.uncertain(), p.pending() + p.sending(),
					p.percent(), p.rate(), p.secondsLeft());
		}

	}

	static IssueResource of(Issue issue, DeliveryProgress progress, AllowedSenders senders) {
		var content = issue.getContent();
		var variants = new LinkedHashMap<String, VariantRequest>();
		issue.languages().forEach(language -> variants.put(language, VariantRequest.of(issue.variant(language))));
		var from = issue.senderOr(senders);
		return new IssueResource(issue.getId(), issue.getTitle(), content.subject(), content.template(),
				content.language(), issue.getAudience() == null ? null : issue.getAudience().list(),
				issue.getAudience() == null ? null : issue.getAudience().segment(), issue.getStatus(),
				issue.getCreatedAt(), issue.getScheduledAt(), issue.getSentAt(), issue.getFailureReason(),
				issue.getPauseReason(), issue.getPauseCause(), ScheduleResource.of(issue), issue.getSeriesId(),
				Progress.of(progress), variants, new Sender(from.name(), from.email()), issue.getReplyTo(),
				issue.isArchived(), issue.getSendHistory(), ReviewResource.of(issue));
	}

}
