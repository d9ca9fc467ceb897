package io.infolettre.newsletter.reconciliation;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets controllers take {@code ?status=undelivered} as a {@link DeliveryFilter}; anything else is a 400. */
@Component
class DeliveryFilterConverter implements Converter<String, DeliveryFilter> {

	@Override
	public DeliveryFilter convert(String source) {
		return DeliveryFilter.fromParam(source)
			.orElseThrow(() -> new IllegalArgumentException("Filtre inconnu : undelivered, skipped, sent, pending ou all"));
	}

}
