package io.infolettre.newsletter.tracking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicUrl the address members reach this installation at; every link in a message starts
 * with it (use https in production: List-Unsubscribe wants an https URL)
 * @param secret key material for the tokens; when blank, a random secret is generated on first start
 * and stored in the database, so every node of an installation shares it
 * @param mode INDIVIDUAL (opens and clicks tied to each recipient), ANONYMOUS (only counted, tied to
 * nobody) or OFF (no pixel, no rewritten links)
 * @param opens whether messages carry the open pixel
 * @param clicks whether the links of messages are rewritten to record clicks
 * @param scannerWindow an open this soon after the relay accepted the message is a security
 * scanner's, not a reader's
 * @param flushInterval how long opens wait in memory at most before they are written (write-behind):
 * a crash loses at most the opens of this last interval
 * @param unsubscribeMailbox the address of List-Unsubscribe's mailto: fallback (the sender's address
 * when empty); its messages are to be posted to {@code /api/v1/unsubscribe-requests}
 */
@ConfigurationProperties("newsletter.tracking")
public record TrackingSettings(String publicUrl, String secret, TrackingMode mode, Boolean opens, Boolean clicks,
		Duration scannerWindow, Duration flushInterval, String unsubscribeMailbox) {

	public TrackingSettings {
		publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl;
		mode = mode == null ? TrackingMode.INDIVIDUAL : mode;
		opens = mode != TrackingMode.OFF && (opens == null || opens);
		clicks = mode != TrackingMode.OFF && (clicks == null || clicks);
		scannerWindow = scannerWindow == null ? Duration.ofSeconds(2) : scannerWindow;
		flushInterval = flushInterval == null ? Duration.ofMillis(200) : flushInterval;
	}


	@Override
	public String toString() {
		return "TrackingSettings[publicUrl=" + this.publicUrl + ", secret=" + (this.secret == null ? "none" : "***")
				+ ", mode=" + this.mode + ", opens=" + this.opens + ", clicks=" + this.clicks + ", scannerWindow=" + this.scannerWindow + ", flushInterval=" + this.flushInterval
				+ "]";
	}

}
