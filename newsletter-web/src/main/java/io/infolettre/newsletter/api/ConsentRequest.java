package io.infolettre.newsletter.api;

import java.time.Instant;

import io.infolettre.newsletter.subscriber.Consent;

/**
 * The consent an API caller holds for a subscriber it adds (CASL): its type, where it comes from,
 * its proof, and when it was given (now when left out; never in the future). Implied consent lapses
 * two years after {@code grantedAt}.
 */
record ConsentRequest(Consent.Type type, String source, String proof, Instant grantedAt) {

	static final String DEFAULT_SOURCE = "API d’administration";

	static final String DEFAULT_PROOF = "Consentement exprès affirmé par l’appelant de l’API (aucune preuve fournie)";

	/**
	 * The consent to record. Without one, what the API has always recorded: express consent, as the
	 * caller asserts by adding the person, with a proof that says no proof was given.
	 * @throws IllegalArgumentException for a time in the future
	 */
	static Consent toConsent(ConsentRequest request, Instant now) {
		if (request == null || request.type() == null) {
			return Consent.express(Consent.Channel.API, DEFAULT_SOURCE,
					request != null && request.proof() != null && !request.proof().isBlank() ? request.proof().strip()
							: DEFAULT_PROOF,
					null, request != null && request.grantedAt() != null ? past(request.grantedAt(), now) : now);
		}
		Instant at = request.grantedAt() == null ? now : past(request.grantedAt(), now);
		String source = request.source() == null || request.source().isBlank() ? DEFAULT_SOURCE : request.source().strip();
		String proof = request.proof() == null || request.proof().isBlank() ? null : request.proof().strip();
		return request.type() == Consent.Type.EXPRESS ? Consent.express(Consent.Channel.API, source, proof, null, at)
				: Consent.implied(request.type(), Consent.Channel.API, source, proof, at);
	}

	private static Instant past(Instant grantedAt, Instant now) {
		if (grantedAt.isAfter(now)) {
			throw new IllegalArgumentException("Un consentement ne peut pas être donné dans le futur : " + grantedAt);
		}
		return grantedAt;
	}

}
