package io.infolettre.newsletter.delivery.internal;

import java.util.function.BooleanSupplier;

import io.infolettre.newsletter.delivery.DeliverySettings;
import io.infolettre.newsletter.delivery.spi.MailConnection;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.delivery.spi.RelayUnavailableException;

/**
 * One SMTP connection per lane of a send, kept open for the whole send. A lane that lost its
 * connection tries to get one back, with backoff, before giving up.
 */
final class LaneConnections implements AutoCloseable {

	private final MailGateway gateway;

	private final DeliverySettings.Retry reconnect;

	private final MailConnection[] connections;

	LaneConnections(MailGateway gateway, DeliverySettings settings) {
		this.gateway = gateway;
		this.reconnect = settings.reconnect();
		this.connections = new MailConnection[settings.connections()];
	}

	int lanes() {
		return this.connections.length;
	}

	/**
	 * The lane's connection, opened again if it was lost.
	 * @param keepTrying asked before each new try; false gives up at once
	 * @throws RelayUnavailableException when no connection could be had
	 */
	MailConnection of(int lane, BooleanSupplier keepTrying) throws InterruptedException {
		if (this.connections[lane] != null) {
			return this.connections[lane];
		}
		for (int attempt = 1;; attempt++) {
			try {
				this.connections[lane] = this.gateway.connect();
				return this.connections[lane];
			}
			catch (RelayUnavailableException ex) {
				if (attempt >= this.reconnect.attempts() || !keepTrying.getAsBoolean()) {
					throw ex;
				}
				Thread.sleep(this.reconnect.backoffAfter(attempt).toMillis());
			}
		}
	}

	/** Forgets the lane's connection, which was lost. */
	void closeQuietly(int lane) {
		if (this.connections[lane] != null) {
			this.connections[lane].close();
			this.connections[lane] = null;
		}
	}

	@Override
	public void close() {
		for (int lane = 0; lane < this.connections.length; lane++) {
			closeQuietly(lane);
		}
	}

}
