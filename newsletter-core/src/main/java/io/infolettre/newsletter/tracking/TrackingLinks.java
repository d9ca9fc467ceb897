package io.infolettre.newsletter.tracking;

import org.springframework.stereotype.Component;

/** The public URLs a message carries, built from the configured public base URL. */
@Component
public class TrackingLinks {

	private final TrackingTokens tokens;

	private final String baseUrl;

	TrackingLinks(TrackingTokens tokens, TrackingSettings settings) {
		this.tokens = tokens;
		this.baseUrl = settings.publicUrl().replaceAll("/+$", "");
	}

	public String openPixelUrl(String deliveryId) {
		return this.baseUrl + "/o/" + this.tokens.issue(TokenPurpose.OPEN, deliveryId) + ".gif";
	}

	public String unsubscribeUrl(String deliveryId) {
		return this.baseUrl + "/u/" + this.tokens.issue(TokenPurpose.UNSUBSCRIBE, deliveryId);
	}

}
