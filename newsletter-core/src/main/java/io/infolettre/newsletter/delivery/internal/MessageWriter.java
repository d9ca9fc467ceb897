package io.infolettre.newsletter.delivery.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.infolettre.newsletter.delivery.DeliveryStatus;
import io.infolettre.newsletter.delivery.internal.DeliveryStore.Outcome;
import io.infolettre.newsletter.delivery.spi.MailConnection;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.delivery.spi.RelayUnavailableException;
import io.infolettre.newsletter.delivery.spi.SendResult;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Sends a chunk over one reused SMTP connection and records every outcome in the ledger. Entries
 * are claimed (SENDING) before the first message of the chunk goes out; when the relay goes away,
 * the entries not yet sent go back to PENDING and the step fails, so nothing is marked sent that
 * was not accepted by the relay.
 */
class MessageWriter implements ItemStreamWriter<DeliveryTask> {

	private final MailGateway gateway;

	private final DeliveryStore ledger;

	private final Clock clock;

	private MailConnection connection;

	MessageWriter(MailGateway gateway, DeliveryStore ledger, Clock clock) {
		this.gateway = gateway;
		this.ledger = ledger;
		this.clock = clock;
	}

	@Override
	public void write(Chunk<? extends DeliveryTask> chunk) {
		List<Outcome> outcomes = new ArrayList<>(chunk.size());
		Set<String> claimed = new LinkedHashSet<>();
		for (DeliveryTask task : chunk) {
			if (task instanceof DeliveryTask.Send) {
				claimed.add(task.deliveryId());
			}
		}
		if (!claimed.isEmpty()) {
			this.ledger.markSending(claimed);
		}
		try {
			for (DeliveryTask task : chunk) {
				outcomes.add(deliver(task));
				claimed.remove(task.deliveryId());
			}
		}
		catch (RelayUnavailableException ex) {
			this.ledger.releaseToPending(claimed);
			throw ex;
		}
		finally {
			if (!outcomes.isEmpty()) {
				this.ledger.recordOutcomes(LedgerKeys.issueOf(outcomes.get(0).deliveryId()), outcomes);
			}
		}
	}

	private Outcome deliver(DeliveryTask task) {
		var now = this.clock.instant();
		if (task instanceof DeliveryTask.Skip skip) {
			var status = skip.failure() ? DeliveryStatus.FAILED_PERMANENT : DeliveryStatus.SKIPPED;
			return new Outcome(skip.deliveryId(), status, skip.email(), null, skip.reason(), now);
		}
		var send = (DeliveryTask.Send) task;
		SendResult result = connection().send(send.message());
		now = this.clock.instant();
		if (result instanceof SendResult.Accepted accepted) {
			return new Outcome(send.deliveryId(), DeliveryStatus.SENT, send.email(), accepted.messageId(), null, now);
		}
		var rejected = (SendResult.Rejected) result;
		var status = rejected.permanent() ? DeliveryStatus.FAILED_PERMANENT : DeliveryStatus.FAILED_TEMPORARY;
		return new Outcome(send.deliveryId(), status, send.email(), null, rejected.reply(), now);
	}

	private MailConnection connection() {
		if (this.connection == null) {
			this.connection = this.gateway.connect();
		}
		return this.connection;
	}

	@Override
	public void open(ExecutionContext executionContext) {
	}

	@Override
	public void close() {
		if (this.connection != null) {
			this.connection.close();
			this.connection = null;
		}
	}

}
