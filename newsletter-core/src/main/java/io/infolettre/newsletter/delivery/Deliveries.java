package io.infolettre.newsletter.delivery;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The delivery ledger, as the rest of the application may read it. */
public interface Deliveries {

	Optional<Delivery> findById(String deliveryId);

	DeliveryProgress progress(String issueId);

	/** The opens recorded for the issue (written a moment after the request). */
	EventCounts opens(String issueId);

	/** The clicks recorded for the issue (written a moment after the request). */
	EventCounts clicks(String issueId);

	/** One page (from 0) of an issue's entries in these statuses (all when empty), in ledger order. */
	List<Delivery> list(String issueId, Set<DeliveryStatus> statuses, int page, int size);

	/** Every entry of an issue in these statuses (all when empty), in ledger order, streamed. */
	void forEach(String issueId, Set<DeliveryStatus> statuses, Consumer<Delivery> action);

}
