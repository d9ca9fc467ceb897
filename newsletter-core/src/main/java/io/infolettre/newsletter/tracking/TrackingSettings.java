package io.infolettre.newsletter.tracking;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl the address members reach this installation at; every link in a message starts
 * with it (use https in production: List-Unsubscribe wants an https URL)
 * @param secret key material for the tokens; when blank, a random secret is generated on first start
 * and stored in the database, so every node of an installation shares it
 * @param opens whether messages carry the open pixel
 */
@ConfigurationProperties("newsletter.tracking")
public record TrackingSettings(String publicUrl, String secret, Boolean opens) {

	public TrackingSettings {
		publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl;
		opens = opens == null || opens;
	}

	@Override
	public String toString() {
		return "TrackingSettings[publicUrl=" + this.publicUrl + ", secret=" + (this.secret == null ? "none" : "***")
				+ ", opens=" + this.opens + "]";
	}

}
