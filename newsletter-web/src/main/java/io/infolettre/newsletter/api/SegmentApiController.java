package io.infolettre.newsletter.api;

import java.net.URI;
import java.util.List;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.issue.IssueStatus;
import io.infolettre.newsletter.issue.Issues;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.segment.SegmentNotFoundException;
import io.infolettre.newsletter.segment.SegmentRuleException;
import io.infolettre.newsletter.segment.Segments;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saved dynamic segments: CRUD, the count and sample of an unsaved rule tree (what the editor shows
 * while it changes), and the members of a saved one page by page (keyset).
 */
@RestController
@RequestMapping("/api/v1/segments")
@RequiresPermission(Permission.AUDIENCE_READ)
class SegmentApiController {

	private static final int SAMPLE = 10;

	private static final int MAX_PAGE = 1_000;

	private final Segments segments;

	private final Issues issues;

	SegmentApiController(Segments segments, Issues issues) {
		this.segments = segments;
		this.issues = issues;
	}

	@GetMapping
	List<SegmentResource> list() {
		return this.segments.all().stream().map(SegmentResource::of).toList();
	}

	@Audited(kind = AuditKind.SEGMENT, action = "segment.save")
	@PostMapping
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	ResponseEntity<SegmentResource> create(@Valid @RequestBody SegmentRequest request) {
		var segment = this.segments.create(request.name(), request.description(), RuleNode.root(request.rules()));
		return ResponseEntity.created(URI.create("/api/v1/segments/" + segment.id())).body(SegmentResource.of(segment));
	}

	@GetMapping("/{id}")
	SegmentResource get(@PathVariable String id) {
		return SegmentResource.of(this.segments.find(id).orElseThrow(() -> new SegmentNotFoundException(id)));
	}

	@Audited(kind = AuditKind.SEGMENT, action = "segment.save")
	@PutMapping("/{id}")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	SegmentResource update(@PathVariable String id, @Valid @RequestBody SegmentRequest request) {
		return SegmentResource
			.of(this.segments.update(id, request.name(), request.description(), RuleNode.root(request.rules())));
	}

	/** 409 while an issue not sent yet is addressed to it. */
	@Audited(kind = AuditKind.SEGMENT, action = "segment.delete")
	@DeleteMapping("/{id}")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (this.issues.existsByAudienceSegmentAndStatusNot(id, IssueStatus.SENT)) {
			return ResponseEntity.status(HttpStatus.CONFLICT).build();
		}
		this.segments.delete(id);
		return ResponseEntity.noContent().build();
	}

	/** The count and a sample of an unsaved rule tree: receivable subscribers, or every status. */
	@PostMapping("/count")
	SegmentResource.Count count(@RequestBody SegmentCountRequest request) {
		return SegmentResource.Count
			.of(this.segments.preview(RuleNode.root(request.rules()), request.receivableOnly(), SAMPLE));
	}

	/**
	 * The receivable members in id order, {@code size} at a time; {@code page} is the previous
	 * page's {@code nextPage}.
	 */
	@GetMapping("/{id}/members")
	SegmentResource.MemberPage members(@PathVariable String id, @RequestParam(required = false) String page,
			@RequestParam(defaultValue = "100") int size) {
		int limit = Math.max(1, Math.min(size, MAX_PAGE));
		List<Subscriber> members = this.segments.members(id, page, limit);
		String next = members.size() == limit ? members.get(members.size() - 1).getId() : null;
		return new SegmentResource.MemberPage(members.stream().map(SegmentResource.Member::of).toList(), next);
	}

	@ExceptionHandler(SegmentRuleException.class)
	ProblemDetail invalidRule(SegmentRuleException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Règle invalide");
		problem.setProperty("rule", ex.getPath());
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalid(IllegalArgumentException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Requête invalide");
		return problem;
	}

	@ExceptionHandler(SegmentNotFoundException.class)
	ProblemDetail notFound(SegmentNotFoundException ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Segment introuvable");
		return problem;
	}

}
