package io.infolettre.newsletter.recipient;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
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
		String altered = (unsubscribe.charAt(5) == 'a' ? "b" : "a");
		assertRefused(unsubscribe.substring(0, 5) + altered + unsubscribe.substring(6));
		// a genuine open token is not an unsubscribe token, and a signed token for no delivery is unknown here
		assertThat(http().get("/u/" + open).statusCode()).isEqualTo(404);
		assertThat(http().postForm("/u/" + open, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
		// the pixel answers without looking the delivery up: an open of no delivery is dropped when written
		assertThat(http().getBytes("/o/" + open + ".gif").statusCode()).isEqualTo(200);
		assertThat(http().postForm("/u/" + unsubscribe, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(404);
	}

	@Test
	void thePixelIsAGifNoCacheKeepsNoBrowserSniffsAndNoSessionFollows() throws Exception {
		String open = this.tokens.issue(TokenPurpose.OPEN, new ObjectId().toHexString() + "00000001");

		var pixel = http().getBytes("/o/" + open + ".gif");

		assertThat(pixel.statusCode()).isEqualTo(200);
		assertThat(pixel.body()).isEqualTo(OpenPixelValve.PIXEL);
		assertThat(new String(pixel.body(), 0, 6, StandardCharsets.US_ASCII)).isEqualTo("GIF89a");
		assertThat(pixel.headers().firstValue("Content-Type")).hasValue("image/gif");
		assertThat(pixel.headers().firstValue("Content-Length")).hasValue(String.valueOf(OpenPixelValve.PIXEL.length));
		assertThat(pixel.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(pixel.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(pixel.headers().map()).doesNotContainKey("set-cookie");
		var client = HttpClient.newHttpClient();
		var head = client.send(HttpRequest.newBuilder(http().local("/o/" + open + ".gif"))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("Content-Type")).hasValue("image/gif");
		var post = client.send(HttpRequest.newBuilder(http().local("/o/" + open + ".gif"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(post.statusCode()).as("only GET and HEAD reach the pixel; a POST meets the filters")
			.isIn(403, 404, 405);
		// whatever follows /o/, the image: a message never shows a broken one
		assertThat(http().getBytes("/o/" + open + ".gif/x").body()).isEqualTo(OpenPixelValve.PIXEL);
		assertThat(http().getBytes("/o/" + open).body()).isEqualTo(OpenPixelValve.PIXEL);
	}

	@Test
	void aGeneratedCorpusOfForgedTruncatedAndCrossPurposeTokensIsRefusedEverywhere() {
		var random = new Random(20261126);
		String id = new ObjectId().toHexString() + "00000001";
		List<String> genuine = List.of(this.tokens.issue(TokenPurpose.OPEN, id),
				this.tokens.issue(TokenPurpose.UNSUBSCRIBE, id), this.tokens.issueClick(id, 42));
		List<String> corpus = new ArrayList<>();
		// the verifier itself meets a corpus of thousands in HmacTrackingTokensTests; here, the endpoints
		for (int i = 0; i < 300; i++) {
			String base = genuine.get(i % genuine.size());
			corpus.add(switch (i % 4) {
				case 0 -> randomToken(random, base.length()); // right length, wrong signature
				case 1 -> base.substring(0, 1 + random.nextInt(base.length() - 1)); // truncated
				case 2 -> mutate(base, random); // one character changed
				default -> base + ALPHABET.charAt(random.nextInt(ALPHABET.length())); // extended
			});
		}
		for (String token : corpus) {
			assertThat(http().get("/u/" + token).statusCode()).as(token).isEqualTo(404);
			assertThat(http().getBytes("/c/" + token).statusCode()).as(token).isEqualTo(404);
			var pixel = http().getBytes("/o/" + token + ".gif");
			assertThat(pixel.statusCode()).as(token).isEqualTo(200);
			assertThat(pixel.body()).as(token).isEqualTo(OpenPixelValve.PIXEL);
		}
		// each genuine token works for its own purpose only
		assertThat(http().getBytes("/c/" + genuine.get(0)).statusCode()).isEqualTo(404);
		assertThat(http().get("/u/" + genuine.get(2)).statusCode()).isEqualTo(404);
		assertThat(http().getBytes("/o/" + genuine.get(2) + ".gif").body()).isEqualTo(OpenPixelValve.PIXEL);
	}

	// the tokens' own alphabet (see TokenAlphabet)
	private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz284567";

	private static String randomToken(Random random, int length) {
		var token = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return token.toString();
	}

	private static String mutate(String token, Random random) {
		int at = random.nextInt(token.length());
		char replacement;
		do {
			replacement = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
		}
		while (replacement == token.charAt(at));
		return token.substring(0, at) + replacement + token.substring(at + 1);
	}

	private void assertRefused(String token) {
		String encoded = java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
		var pixel = http().getBytes("/o/" + encoded + ".gif");
		assertThat(pixel.statusCode()).isIn(200, 400);
		if (pixel.statusCode() == 200) {
			assertThat(pixel.body()).isEqualTo(OpenPixelValve.PIXEL);
		}
		assertThat(http().getBytes("/c/" + encoded).statusCode()).isIn(400, 404);
		var page = http().get("/u/" + encoded);
		assertThat(page.statusCode()).isIn(400, 404);
		assertThat(page.body()).doesNotContain("Exception").doesNotContain("@");
		var post = http().postForm("/u/" + encoded, "List-Unsubscribe=One-Click");
		assertThat(post.statusCode()).isIn(400, 404);
	}

}
