package io.infolettre.newsletter.tracking.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HmacTrackingTokensTests {

	private final HmacTrackingTokens tokens = new HmacTrackingTokens("secret-a".getBytes(StandardCharsets.UTF_8));

	private final String deliveryId = new ObjectId().toHexString() + "0000002a";

	@Test
	void roundTripsTheDeliveryIdWithoutShowingIt() {
		String token = this.tokens.issue(TokenPurpose.OPEN, this.deliveryId);
		assertThat(token).hasSize(45).matches("[a-z245678]+").doesNotContain(this.deliveryId);
		assertThat(this.tokens.verify(TokenPurpose.OPEN, token)).contains(this.deliveryId);
	}

	// Spelled by the code of 2026-11 (base64url) with the same secret: they are in newsletters already
	// sent, which members still open and click.
	@Test
	void tokensOfMessagesSentBeforeTheChangeOfAlphabetStillVerify() {
		String id = "6b16f4098422edaea3124f8b0000002a";
		assertThat(this.tokens.verify(TokenPurpose.OPEN, "CUor2S59e1Vazlj7mHhwGb_ucVbo7dvWKAnk9Q")).contains(id);
		assertThat(this.tokens.verify(TokenPurpose.UNSUBSCRIBE, "CUor2S59e1Vazlj7mHhwGT9QFHvf6rTtegDSBg")).contains(id);
		assertThat(this.tokens.verifyClick("CUor2S59e1Vazlj7mHhwGQAAAAeQglG78cTSIaN34Kc"))
			.contains(new TrackingTokens.Click(id, 7));
		assertThat(this.tokens.verifyExpiring(TokenPurpose.CONFIRM_SUBSCRIPTION,
				"CUor2S59e1Vazlj7mHhwGQAAAABrEYPwBaYAbxnwGJiK0GGz"))
			.contains(new TrackingTokens.Expiring(id, Instant.parse("2026-12-03T15:00:00Z")));
		assertThat(this.tokens.verifyClick("4OWZ1X6pU-1Q6Jp34ji8wAAAAANPkXPXX9pdWWuAk34")).as("a lookalike of then")
			.contains(new TrackingTokens.Click("6b16f4098422edaea3124f8b00001993", 3));
		assertThat(this.tokens.verify(TokenPurpose.OPEN, "CUor2S59e1Vazlj7mHhwGT9QFHvf6rTtegDSBg"))
			.as("still bound to its purpose").isEmpty();
		assertThat(this.tokens.verify(TokenPurpose.OPEN, "CUor2S59e1Vazlj7mHhwGb_ucVbo7dvWKAnk9R"))
			.as("still only in its canonical spelling").isEmpty();
	}

	@Test
	void anExpiringTokenCarriesItsExpiryAuthenticatedWithTheIdAndOnlyForItsPurpose() {
		Instant expiry = Instant.parse("2026-12-03T15:00:00Z");
		String token = this.tokens.issueExpiring(TokenPurpose.CONFIRM_SUBSCRIPTION, this.deliveryId, expiry);
		assertThat(token).hasSize(58).matches("[a-z245678]+").doesNotContain(this.deliveryId);
		assertThat(this.tokens.verifyExpiring(TokenPurpose.CONFIRM_SUBSCRIPTION, token))
			.contains(new TrackingTokens.Expiring(this.deliveryId, expiry));
		assertThat(this.tokens.verifyExpiring(TokenPurpose.UNSUBSCRIBE, token)).isEmpty();
		assertThat(this.tokens.verify(TokenPurpose.CONFIRM_SUBSCRIPTION, token)).as("not a plain token").isEmpty();
		for (int i = 0; i < token.length(); i++) {
			char replacement = token.charAt(i) == 'a' ? 'b' : 'a';
			String altered = token.substring(0, i) + replacement + token.substring(i + 1);
			assertThat(this.tokens.verifyExpiring(TokenPurpose.CONFIRM_SUBSCRIPTION, altered)).as("altered at %d", i)
				.isEmpty();
		}
		var verified = this.tokens.verifyExpiring(TokenPurpose.CONFIRM_SUBSCRIPTION, token).orElseThrow();
		assertThat(verified.hasExpiredAt(expiry.minusSeconds(1))).isFalse();
		assertThat(verified.hasExpiredAt(expiry)).isTrue();
	}

	@Test
	void refusesEveryAlteredCharacter() {
		String token = this.tokens.issue(TokenPurpose.UNSUBSCRIBE, this.deliveryId);
		for (int i = 0; i < token.length(); i++) {
			char replacement = token.charAt(i) == 'a' ? 'b' : 'a';
			String altered = token.substring(0, i) + replacement + token.substring(i + 1);
			assertThat(this.tokens.verify(TokenPurpose.UNSUBSCRIBE, altered)).as("altered at %d", i).isEmpty();
		}
	}

	@Test
	void refusesATokenMadeForAnotherPurpose() {
		String openToken = this.tokens.issue(TokenPurpose.OPEN, this.deliveryId);
		assertThat(this.tokens.verify(TokenPurpose.UNSUBSCRIBE, openToken)).isEmpty();
	}

	@Test
	void refusesATokenOfAnotherInstallation() {
		var other = new HmacTrackingTokens("secret-b".getBytes(StandardCharsets.UTF_8));
		assertThat(this.tokens.verify(TokenPurpose.OPEN, other.issue(TokenPurpose.OPEN, this.deliveryId))).isEmpty();
	}

	@Test
	void refusesGarbage() {
		assertThat(this.tokens.verify(TokenPurpose.OPEN, null)).isEmpty();
		assertThat(this.tokens.verify(TokenPurpose.OPEN, "")).isEmpty();
		assertThat(this.tokens.verify(TokenPurpose.OPEN, "x".repeat(38))).isEmpty();
		assertThat(this.tokens.verify(TokenPurpose.OPEN, "x".repeat(45))).isEmpty();
		assertThat(this.tokens.verify(TokenPurpose.OPEN, "X".repeat(45))).isEmpty();
		assertThat(this.tokens.verify(TokenPurpose.OPEN, "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")).isEmpty();
		assertThat(this.tokens.verify(TokenPurpose.OPEN, this.deliveryId)).isEmpty();
	}

	@Test
	void differentDeliveriesGiveDifferentTokens() {
		assertThat(this.tokens.issue(TokenPurpose.OPEN, new ObjectId().toHexString() + "0000002a"))
			.isNotEqualTo(this.tokens.issue(TokenPurpose.OPEN, this.deliveryId));
	}

	@Test
	void aClickTokenCarriesTheDeliveryAndTheLinkAndNothingElseVerifiesIt() {
		String click = this.tokens.issueClick(this.deliveryId, -123_456_789);
		assertThat(click).hasSize(52).matches("[a-z245678]+").doesNotContain(this.deliveryId);
		assertThat(this.tokens.verifyClick(click)).contains(new TrackingTokens.Click(this.deliveryId, -123_456_789));

		for (int i = 0; i < click.length(); i++) {
			char replacement = click.charAt(i) == 'a' ? 'b' : 'a';
			assertThat(this.tokens.verifyClick(click.substring(0, i) + replacement + click.substring(i + 1)))
				.as("altered at %d", i)
				.isEmpty();
		}
		var other = new HmacTrackingTokens("secret-b".getBytes(StandardCharsets.UTF_8));
		assertThat(this.tokens.verifyClick(other.issueClick(this.deliveryId, 7))).as("another installation").isEmpty();
		assertThat(this.tokens.verifyClick(this.tokens.issue(TokenPurpose.OPEN, this.deliveryId))).isEmpty();
		assertThat(this.tokens.verify(TokenPurpose.CLICK, click)).isEmpty();
		assertThat(this.tokens.verifyClick(click.substring(0, 51))).isEmpty();
		assertThat(this.tokens.verifyClick(null)).isEmpty();
	}

	@Test
	void aCorpusOfThousandsOfForgedTruncatedAlteredAndForeignTokensIsRefused() {
		var random = new Random(20261126);
		var foreign = new HmacTrackingTokens("secret-b".getBytes(StandardCharsets.UTF_8));
		String alphabet = "abcdefghijklmnopqrstuvwxyz284567";
		List<String> genuine = List.of(this.tokens.issue(TokenPurpose.OPEN, this.deliveryId),
				this.tokens.issue(TokenPurpose.UNSUBSCRIBE, this.deliveryId), this.tokens.issueClick(this.deliveryId, 42));
		for (int i = 0; i < 20_000; i++) {
			String base = genuine.get(i % genuine.size());
			String forged = switch (i % 5) {
				case 0 -> random.ints(base.length(), 0, alphabet.length())
					.mapToObj(c -> String.valueOf(alphabet.charAt(c)))
					.reduce("", String::concat);
				case 1 -> base.substring(0, random.nextInt(base.length()));
				case 2 -> {
					int at = random.nextInt(base.length());
					char c = alphabet.charAt((alphabet.indexOf(base.charAt(at)) + 1 + random.nextInt(31)) % 32);
					yield base.substring(0, at) + c + base.substring(at + 1);
				}
				case 3 -> base + alphabet.charAt(random.nextInt(32));
				default -> i % 3 == 2 ? foreign.issueClick(new ObjectId().toHexString() + "00000001", random.nextInt())
						: foreign.issue(i % 2 == 0 ? TokenPurpose.OPEN : TokenPurpose.UNSUBSCRIBE,
								new ObjectId().toHexString() + "00000001");
			};
			for (TokenPurpose purpose : List.of(TokenPurpose.OPEN, TokenPurpose.UNSUBSCRIBE)) {
				assertThat(this.tokens.verify(purpose, forged)).as(forged).isEmpty();
			}
			assertThat(this.tokens.verifyClick(forged)).as(forged).isEmpty();
		}
	}

}
