package io.infolettre.newsletter.api;

import io.infolettre.newsletter.system.Audited;
import io.infolettre.newsletter.audit.AuditKind;
import java.net.URI;
import java.util.List;

import io.infolettre.newsletter.people.ApiTokenRefused;
import io.infolettre.newsletter.people.ApiTokens;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.system.AnySignedInPerson;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.TeamMember;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The caller's API tokens: issue one (its secret in this answer only), list them, revoke one. Anyone
 * signed in manages their own; a person who manages the team may revoke anyone's. A token asked for
 * with a token is never wider than the one asking.
 */
@RestController
@RequestMapping("/api/v1/tokens")
@AnySignedInPerson
class TokenApiController {

	private final ApiTokens tokens;

	private final People people;

	private final CurrentActor current;

	TokenApiController(ApiTokens tokens, People people, CurrentActor current) {
		this.tokens = tokens;
		this.people = people;
		this.current = current;
	}

	@Audited(kind = AuditKind.TOKEN, action = "token.create")
	@PostMapping
	ResponseEntity<TokenResource> issue(@RequestBody TokenRequest request) {
		TeamMember me = me();
		var person = this.people.find(me.personId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
		var issued = this.tokens.issue(person, me.role(), request.name(), request.role());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id()))
			.body(TokenResource.issued(issued.token(), issued.secret()));
	}

	@GetMapping
	List<TokenResource> mine() {
		return this.tokens.of(me().personId()).stream().map(TokenResource::of).toList();
	}

	/** 404 for a token that is not the caller's (unless they manage the team): its existence is not told. */
	@Audited(kind = AuditKind.TOKEN, action = "token.revoke")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@PathVariable String id) {
		TeamMember me = me();
		this.tokens.find(id)
			.filter(token -> token.personId().equals(me.personId()) || me.can(Permission.PEOPLE_MANAGE))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Aucun de vos jetons n’a cet identifiant."));
		this.tokens.revoke(id);
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(ApiTokenRefused.class)
	ProblemDetail refused(ApiTokenRefused refused) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
		problem.setTitle("Jeton refusé");
		return problem;
	}

	private TeamMember me() {
		return this.current.member().orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
	}

}
