package io.infolettre.newsletter.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.delivery.BounceReport;
import io.infolettre.newsletter.engagement.Bounces;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Bounces and complaints that arrive after the send: as JSON from a provider's webhook, or as the
 * bounce message itself (a DSN, or a feedback-loop complaint) piped from the bounce mailbox. Reports
 * that match none of our messages are counted as ignored: the answer never tells which Message-IDs
 * are ours.
 */
@RestController
@RequestMapping("/api/v1/bounces")
@RequiresPermission(Permission.AUDIENCE_EDIT)
class BounceApiController {

	static final int MAX_BATCH = 10_000;

	static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

	private final Bounces bounces;

	BounceApiController(Bounces bounces) {
		this.bounces = bounces;
	}

	/** {@code {"messageId": "<…>", "type": "hard|soft|complaint", "diagnostic": "…"}} or a list of them. */
	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.bounce")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<BounceResult> json(@RequestBody JsonNode body) {
		List<JsonNode> entries = new ArrayList<>();
		if (body.isArray()) {
			body.forEach(entries::add);
		}
		else {
			entries.add(body);
		}
		if (entries.size() > MAX_BATCH) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "Au plus " + MAX_BATCH + " rapports par requête");
		}
		// all are checked before any is recorded: a rejected request changes nothing
		List<BounceReport> reports = new ArrayList<>(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			reports.add(toReport(entries.get(i), i));
		}
		return record(reports);
	}

	/** The bounce message itself, as Postfix's bounce pipe or a mailbox forwarder posts it. */
	@Audited(kind = AuditKind.SUBSCRIBER, action = "subscriber.bounce")
	@PostMapping(consumes = { "message/rfc822", "message/global", "multipart/report", "message/delivery-status",
			"message/global-delivery-status" })
	ResponseEntity<BounceResult> message(@RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
			InputStream body) throws IOException {
		byte[] message = body.readNBytes(MAX_MESSAGE_BYTES + 1);
		if (message.length > MAX_MESSAGE_BYTES) {
			throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "Message de rebond trop volumineux");
		}
		// not a bounce (a delay warning, an automatic reply) is ignored like one of no message of ours:
		// nothing to record, nothing to retry
		int matched = this.bounces.recordMessage(message, contentType).isPresent() ? 1 : 0;
		return ResponseEntity.accepted().body(new BounceResult(1, matched, 1 - matched));
	}

	private ResponseEntity<BounceResult> record(List<BounceReport> reports) {
		int matched = (int) reports.stream().filter(report -> this.bounces.record(report).isPresent()).count();
		return ResponseEntity.accepted().body(new BounceResult(reports.size(), matched, reports.size() - matched));
	}

	private static BounceReport toReport(JsonNode entry, int index) {
		String messageId = entry.path("messageId").stringValue(null);
		String type = entry.path("type").stringValue(null);
		if (messageId == null || messageId.isBlank()) {
			throw invalid(index, "messageId manquant");
		}
		if (type == null || !List.of("hard", "soft", "complaint").contains(type.toLowerCase(Locale.ROOT))) {
			throw invalid(index, "type : hard, soft ou complaint");
		}
		return new BounceReport(messageId, BounceReport.Type.valueOf(type.toUpperCase(Locale.ROOT)),
				entry.path("diagnostic").stringValue(null));
	}

	private static ResponseStatusException invalid(int index, String reason) {
		return new ResponseStatusException(HttpStatus.BAD_REQUEST, "Rapport " + index + " : " + reason);
	}

	/** How many reports came, how many matched one of our messages, how many were ignored. */
	record BounceResult(int received, int matched, int ignored) {
	}

}
