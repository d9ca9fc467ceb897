package io.infolettre.newsletter.tracking.internal;

import java.nio.charset.StandardCharsets;

import io.infolettre.newsletter.tracking.TokenPurpose;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HmacTrackingTokensTests {

	private final HmacTrackingTokens tokens = new HmacTrackingTokens("secret-a".getBytes(StandardCharsets.UTF_8));

	private final String deliveryId = new ObjectId().toHexString() + "0000002a";

	@Test
	void roundTripsTheDeliveryIdWithoutShowingIt() {
		String token = this.tokens.issue(TokenPurpose.OPEN, this.deliveryId);
		assertThat(token).hasSize(38).matches("[A-Za-z0-9_-]+").doesNotContain(this.deliveryId);
		assertThat(this.tokens.verify(TokenPurpose.OPEN, token)).contains(this.deliveryId);
	}

	@Test
	void refusesEveryAlteredCharacter() {
		String token = this.tokens.issue(TokenPurpose.UNSUBSCRIBE, this.deliveryId);
		for (int i = 0; i < token.length(); i++) {
			char replacement = token.charAt(i) == 'A' ? 'B' : 'A';
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
		assertThat(this.tokens.verify(TokenPurpose.OPEN, "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!")).isEmpty();
		assertThat(this.tokens.verify(TokenPurpose.OPEN, this.deliveryId)).isEmpty();
	}

	@Test
	void differentDeliveriesGiveDifferentTokens() {
		assertThat(this.tokens.issue(TokenPurpose.OPEN, new ObjectId().toHexString() + "0000002a"))
			.isNotEqualTo(this.tokens.issue(TokenPurpose.OPEN, this.deliveryId));
	}

}
