package io.infolettre.newsletter.recipient;

import java.util.List;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;
import org.bson.types.ObjectId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forged, altered, cross-purpose and well-signed-but-unknown tokens are refused with a 404 on every
 * public endpoint: never a 500, never a page that tells whether an address is subscribed.
 */
class PublicTokenIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	TrackingTokens tokens;

	static List<String> forgedTokens() {
		return List.of("x", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "../../admin", "%00", "a".repeat(500),
				new ObjectId().toHexString(), "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ_");
	}

	@ParameterizedTest
	@MethodSource("forgedTokens")
	void forgedTokensAreNotFoundEverywhere(String token) {
		assertRefused(token);
	}

	@ParameterizedTest
	@MethodSource("forgedTokens")
	void alteredValidTokensAreNotFoundEverywhere(String ignored) {
		String id = new ObjectId().toHexString() + "00000001";
		String open = this.tokens.issue(TokenPurpose.OPEN, id);
		String unsubscribe = this.tokens.issue(TokenPurpose.UNSUBSCRIBE, id);
		String altered = (unsubscribe.charAt(5) == 'A' ? "B" : "A");
		assertRefused(unsubscribe.substring(0, 5) + altered + unsubscribe.substring(6));
		// a genuine open token is not an unsubscribe token, and a signed token for no delivery is unknown here
		assertThat(http().get("/u/" + open).statusCode()).isEqualTo(404);
		assertThat(http().postForm("/u/" + open, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
		// the pixel answers without looking the delivery up: an open of no delivery is dropped when written
		assertThat(http().getBytes("/o/" + open + ".gif").statusCode()).isEqualTo(200);
		assertThat(http().postForm("/u/" + unsubscribe, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
	}

	private void assertRefused(String token) {
		String encoded = java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
		var pixel = http().getBytes("/o/" + encoded + ".gif");
		assertThat(pixel.statusCode()).isIn(400, 404);
		var page = http().get("/u/" + encoded);
		assertThat(page.statusCode()).isIn(400, 404);
		assertThat(page.body()).doesNotContain("Exception").doesNotContain("@");
		var post = http().postForm("/u/" + encoded, "List-Unsubscribe=One-Click");
		assertThat(post.statusCode()).isIn(400, 404);
	}

}
