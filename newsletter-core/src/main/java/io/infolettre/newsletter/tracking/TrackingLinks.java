package io.infolettre.newsletter.tracking;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** The public URLs a message carries, built from the configured public base URL. */
@Component
public class TrackingLinks {

	/** What an unsubscribe email's subject starts with, before the token. */
	public static final String UNSUBSCRIBE_SUBJECT = "desabonnement-";

	// an issue id has 24 hex digits, a token carries 32
	private static final String ARCHIVE_PADDING = "00000000";

	private final TrackingTokens tokens;

	private final TrackedLinks links;

	private final String baseUrl;

	TrackingLinks(TrackingTokens tokens, TrackedLinks links, TrackingSettings settings) {
		this.tokens = tokens;
		this.links = links;
		this.baseUrl = settings.publicUrl().replaceAll("/+$", "");
	}

	/** The installation's own address: links to it are never rewritten. */
	public String baseUrl() {
		return this.baseUrl;
	}

	/** The tracked form of one of the issue's links, for one delivery. */
	public String clickUrl(String issueId, String deliveryId, String url) {
		return this.baseUrl + "/c/" + this.tokens.issueClick(deliveryId, this.links.register(issueId, url));
	}

	public String openPixelUrl(String deliveryId) {
		return this.baseUrl + "/o/" + this.tokens.issue(TokenPurpose.OPEN, deliveryId) + ".gif";
	}

	/**
	 * The preference center of the delivery's recipient (lists, language, tracking, unsubscribe), in
	 * the recipient's language.
	 */
	public String preferencesUrl(String deliveryId, String language) {
		return this.baseUrl + "/p/" + this.tokens.issue(TokenPurpose.PREFERENCES, deliveryId) + inLanguage(language);
	}

	/**
	 * List-Unsubscribe's mailto: fallback: a message to {@code mailbox} whose subject carries the
	 * delivery's unsubscribe token.
	 */
	public String unsubscribeMailto(String deliveryId, String mailbox) {
		return "mailto:" + mailbox + "?subject=" + UNSUBSCRIBE_SUBJECT
				+ this.tokens.issue(TokenPurpose.UNSUBSCRIBE, deliveryId);
	}

	/** The message on the web, as the delivery's recipient received it ("view in browser"). */
	public String viewInBrowserUrl(String deliveryId, String language) {
		return this.baseUrl + "/v/" + this.tokens.issue(TokenPurpose.VIEW, deliveryId) + inLanguage(language);
	}

	/** A sent issue in the public archive: a signed opaque id that names the issue and nobody. */
	public String archiveUrl(String issueId) {
		return this.baseUrl + "/archive/" + archiveSlug(issueId);
	}

	public String archiveSlug(String issueId) {
		return this.tokens.issue(TokenPurpose.ARCHIVE, issueId + ARCHIVE_PADDING);
	}

	/** The issue an archive slug names, when the slug is genuine. */
	public Optional<String> issueOfArchiveSlug(String slug) {
		return this.tokens.verify(TokenPurpose.ARCHIVE, slug)
			.filter(id -> id.endsWith(ARCHIVE_PADDING))
			.map(id -> id.substring(0, id.length() - ARCHIVE_PADDING.length()));
	}

	/** The link that confirms a subscription request (double opt-in); it stops working at {@code expiresAt}. */
	public String subscriptionConfirmationUrl(String requestId, Instant expiresAt, String language) {
		return this.baseUrl + "/inscription/confirmer/"
				+ this.tokens.issueExpiring(TokenPurpose.CONFIRM_SUBSCRIPTION, requestId, expiresAt)
				+ inLanguage(language);
	}

	public String unsubscribeUrl(String deliveryId, String language) {
		return this.baseUrl + "/u/" + this.tokens.issue(TokenPurpose.UNSUBSCRIBE, deliveryId) + inLanguage(language);
	}

	/**
	 * A member's page opens in the member's language, even when its link expired or was cut: the
	 * token says nothing then, the link still does. French is the site's default and needs nothing.
	 */
	private static String inLanguage(String language) {
		return "en".equals(language) ? "?lang=en" : "";
	}

}
