package io.infolettre.newsletter.delivery;

import java.util.Optional;

/** The delivery ledger, as the rest of the application may read it. */
public interface Deliveries {

	Optional<Delivery> findById(String deliveryId);

	DeliveryProgress progress(String issueId);

}
