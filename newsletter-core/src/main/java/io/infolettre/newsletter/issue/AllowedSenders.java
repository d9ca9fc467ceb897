package io.infolettre.newsletter.issue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The senders an issue may come from ({@code newsletter.senders[N].name/email}), the first being the
 * default. A From address is the organisation speaking for itself: it is chosen from this list, never
 * typed in, so an issue cannot be sent under an address nobody configured (and authenticated for the
 * relay with SPF and DKIM).
 */
public record AllowedSenders(List<IssueSender> senders) {

	public AllowedSenders {
		if (senders == null || senders.isEmpty()) {
			throw new IllegalArgumentException("At least one sender must be allowed");
		}
		senders = List.copyOf(senders);
	}

	public IssueSender defaultSender() {
		return this.senders.get(0);
	}

	/** The allowed sender with this address (case-insensitive), if any. */
	public Optional<IssueSender> find(String email) {
		if (email == null) {
			return Optional.empty();
		}
		String wanted = email.strip().toLowerCase(Locale.ROOT);
		return this.senders.stream().filter(s -> s.email().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
	}

	public boolean allows(IssueSender sender) {
		return sender != null && this.senders.contains(sender);
	}

}
