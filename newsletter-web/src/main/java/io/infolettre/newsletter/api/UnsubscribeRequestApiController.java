package io.infolettre.newsletter.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.infolettre.newsletter.api.internal.MessageSubjects;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.engagement.RecipientResponses;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingLinks;
import io.infolettre.newsletter.tracking.TrackingTokens;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mailto: fallback of List-Unsubscribe: the messages that reach the unsubscribe mailbox, posted
 * by whatever reads it (a Postfix pipe, a mailbox forwarder). The subject carries a signed token; the
 * answer is the same whatever the token, so it never tells whether an address is subscribed.
 */
@RestController
@RequiresPermission(Permission.AUDIENCE_EDIT)
class UnsubscribeRequestApiController {

	private static final Pattern TOKEN = Pattern
		.compile(Pattern.quote(TrackingLinks.UNSUBSCRIBE_SUBJECT) + "([A-Za-z0-9_-]+)");

	private final TrackingTokens tokens;

	private final RecipientResponses responses;

	UnsubscribeRequestApiController(TrackingTokens tokens, RecipientResponses responses) {
		this.tokens = tokens;
		this.responses = responses;
	}

	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.unsubscribeRequest")
	@PostMapping(path = "/api/v1/unsubscribe-requests", consumes = { "message/rfc822", "message/global" })
	ResponseEntity<Void> request(InputStream body) throws IOException {
		byte[] message = body.readNBytes(BounceApiController.MAX_MESSAGE_BYTES + 1);
		if (message.length > BounceApiController.MAX_MESSAGE_BYTES) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "Message trop volumineux");
		}
		subjectToken(message).flatMap(token -> this.tokens.verify(TokenPurpose.UNSUBSCRIBE, token))
			.ifPresent(deliveryId -> this.responses.unsubscribe(deliveryId, UnsubscribeChannel.EMAIL));
		return ResponseEntity.accepted().build();
	}

	private static Optional<String> subjectToken(byte[] message) {
		return MessageSubjects.of(message).map(TOKEN::matcher).filter(Matcher::find).map(matcher -> matcher.group(1));
	}

}
