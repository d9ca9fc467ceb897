package io.infolettre.newsletter.subscriber;

import java.util.List;
import java.util.Map;

/**
 * A part of the application outside this module that keeps data about subscribers (the delivery
 * ledger, the open and click events), and answers for it in an access request and an erasure
 * (Quebec's Law 25). Modules that depend on this one implement it, so that this module knows every
 * holder without depending on any.
 */
public interface PersonalDataHolder {

	/** The name of this part in an export: {@code deliveries}. */
	String section();

	/** What this part holds about the subscriber, one map of plain values per record. */
	List<Map<String, Object>> export(Subscriber subscriber);

	/**
	 * Removes what identifies the subscriber from this part, keeping what figures and audits need.
	 * Called before the subscriber's document is removed; must be safe to call again.
	 */
	void erase(Subscriber subscriber);

}
