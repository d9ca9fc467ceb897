package io.infolettre.newsletter.mail.internal;

import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.delivery.spi.MailConnection;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.delivery.spi.RelayUnavailableException;

/**
 * Several relays in order of preference: a new connection goes to the first one that answers. A
 * connection lost mid-send reconnects through here too, so it comes back to the main relay as soon
 * as that one answers again.
 */
class FailoverMailGateway implements MailGateway {

	private final List<MailGateway> relays;

	FailoverMailGateway(List<MailGateway> relays) {
		this.relays = List.copyOf(relays);
	}

	@Override
	public MailConnection connect() {
		List<String> reasons = new ArrayList<>();
		for (MailGateway relay : this.relays) {
			try {
				return relay.connect();
			}
			catch (RelayUnavailableException ex) {
				reasons.add(ex.getMessage());
			}
		}
		throw new RelayUnavailableException("aucun relais ne répond (" + String.join(" ; ", reasons) + ")", null);
	}

}
