package io.infolettre.newsletter.delivery;

import java.util.HexFormat;

/**
 * Delivery ids (the ledger's keys): the issue id (24 hex digits) followed by the entry's sequence
 * number in the frozen recipient list (8 hex digits). Knowing the ids of a page without a query lets
 * the send read the ledger by exact keys, which every MongoDB-wire server serves from its primary
 * index (the embedded one has no secondary indexes), and keeps one issue's entries together in id
 * order; an id alone also tells its issue.
 */
public final class DeliveryIds {

	private DeliveryIds() {
	}

	public static String id(String issueId, long sequence) {
		return issueId + HexFormat.of().toHexDigits((int) sequence);
	}

	public static long sequenceOf(String deliveryId) {
		return Long.parseLong(deliveryId.substring(24), 16);
	}

	public static String issueOf(String deliveryId) {
		return deliveryId.substring(0, 24);
	}

	public static boolean isValid(String deliveryId) {
		return deliveryId != null && deliveryId.length() == 32 && deliveryId.chars().allMatch(HexFormat::isHexDigit);
	}

}
