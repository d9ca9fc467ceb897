package io.infolettre.newsletter.api;

import io.infolettre.newsletter.system.Audited;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.delivery.Deliveries;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.scheduling.SchedulingSettings;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.RequiresPermission;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review of a draft through the API: submit it for approval, approve it, request changes. A step
 * its state does not allow, or that the four-eyes rule forbids to the caller, is a 409 with the
 * reason; a request for changes without a comment is a 400. Scheduling or sending a draft not approved,
 * when the team requires it, is a 409 on those routes.
 */
@RestController
@RequestMapping("/api/v1/issues/{id}")
@RequiresPermission(Permission.ISSUES_READ)
class IssueReviewApiController {

	private final IssueManagement issues;

	private final Deliveries deliveries;

	private final SchedulingSettings scheduling;

	private final CurrentActor actor;

	IssueReviewApiController(IssueManagement issues, Deliveries deliveries, SchedulingSettings scheduling,
			CurrentActor actor) {
		this.issues = issues;
		this.deliveries = deliveries;
		this.scheduling = scheduling;
		this.actor = actor;
	}

	/** Submits a draft for approval; the body (wished send time, note) is optional. */
	@Audited(kind = AuditKind.ISSUE, action = "issue.submit")
	@PostMapping("/submit")
	@RequiresPermission(Permission.ISSUES_EDIT)
	IssueResource submit(@PathVariable String id, @RequestBody(required = false) IssueReviewRequest request) {
		var wished = request == null ? null : request.wished(this.scheduling.zone());
		return resource(this.issues.submit(id, this.actor.get(), wished, request == null ? null : request.note()));
	}

	@Audited(kind = AuditKind.ISSUE, action = "issue.approve")
	@PostMapping("/approve")
	@RequiresPermission(Permission.ISSUES_APPROVE)
	IssueResource approve(@PathVariable String id) {
		return resource(this.issues.approve(id, this.actor.get()));
	}

	@Audited(kind = AuditKind.ISSUE, action = "issue.requestChanges")
	@PostMapping("/request-changes")
	@RequiresPermission(Permission.ISSUES_APPROVE)
	IssueResource requestChanges(@PathVariable String id,
			@RequestBody(required = false) IssueReviewRequest.Changes request) {
		return resource(this.issues.requestChanges(id, this.actor.get(), request == null ? null : request.comment()));
	}

	private IssueResource resource(Issue issue) {
		return IssueResource.of(issue, this.deliveries.progress(issue.getId()), this.issues.senders());
	}

}
