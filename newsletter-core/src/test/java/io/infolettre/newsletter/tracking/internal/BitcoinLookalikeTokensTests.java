package io.infolettre.newsletter.tracking.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingLinks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No token, and no URL of a message that carries one, looks like a Bitcoin address to SpamAssassin.
 * The rule, as Debian's spamassassin 4.0.1 ships it in {@code 72_active.cf}:
 *
 * <pre>
 * body  __BITCOIN_ID  /\b(?&lt;!=)(?:[13](?:(?:[-_=\s][a-km-zA-HJ-NP-Z1-9]){29,34}|[a-km-zA-HJ-NP-Z1-9]{29,34})|bc1[acdefghjklmnpqrstuvwxyz234567890]{30,90}|b[-_=\s]c[-_=\s]1(?:[-_=\s][acdefghjklmnpqrstuvwxyz234567890]){30,90})\b/
 * meta  __PDS_BTC_ID     ( __BITCOIN_ID &amp;&amp; !__URL_BTC_ID &amp;&amp; !__HAS_IMG_SRC_DATA &amp;&amp; !__BUGGED_IMG)
 * meta  PDS_BTC_ID       __PDS_BTC_ID
 * meta  FROM_NEWDOM_BTC  __PDS_BTC_ID &amp;&amp; __PDS_NEWDOMAIN
 * </pre>
 *
 * {@code __BITCOIN_ID} also feeds {@code BTC_ORG} (organisation header and mailing list, both in our
 * messages), so it must never match at all. Java's {@code \b} and {@code \s} agree with Perl's on
 * this ASCII text.
 */
class BitcoinLookalikeTokensTests {

	static final Pattern BITCOIN_ID = Pattern.compile("\\b(?<!=)(?:[13](?:(?:[-_=\\s][a-km-zA-HJ-NP-Z1-9]){29,34}"
			+ "|[a-km-zA-HJ-NP-Z1-9]{29,34})|bc1[acdefghjklmnpqrstuvwxyz234567890]{30,90}"
			+ "|b[-_=\\s]c[-_=\\s]1(?:[-_=\\s][acdefghjklmnpqrstuvwxyz234567890]){30,90})\\b");

	private static final String BASE = "https://infolettre.exemple.ca";

	private final HmacTrackingTokens tokens = new HmacTrackingTokens("secret-a".getBytes(StandardCharsets.UTF_8));

	@Test
	void theRuleFindsABitcoinAddressAndTheLookalikesTheOldSpellingMade() {
		assertThat(BITCOIN_ID.matcher("Payez à 1BoatSLRHtKNngkdXEeobR76b53LETtpyT avant demain.").find()).isTrue();
		// tokens the base64url spelling of 2026-11 gave (still accepted: see HmacTrackingTokensTests)
		assertThat(BITCOIN_ID.matcher(BASE + "/c/4OWZ1X6pU-1Q6Jp34ji8wAAAAANPkXPXX9pdWWuAk34\n").find()).isTrue();
		assertThat(BITCOIN_ID.matcher(BASE + "/c/OjKhS8wIpZO-1Rn3GqndGgAAAAMLKibUf897XRAJdbc\n").find()).isTrue();
		assertThat(BITCOIN_ID.matcher(BASE + "/o/12JbgRmhdF32R2VTq7Mxv6UrVRin97N-gG5tbw.gif").find()).isTrue();
		assertThat(BITCOIN_ID.matcher(BASE + "/c/CUor2S59e1Vazlj7mHhwGQAAAAeQglG78cTSIaN34Kc\n").find()).isFalse();
	}

	@Test
	void noneOfAMillionTokensLooksLikeABitcoinAddressInTheUrlsOfAMessage() {
		var random = new Random(20261207);
		byte[] id = new byte[16];
		List<String> lookalikes = new ArrayList<>();
		for (int i = 0; i < 1_000_000; i++) {
			random.nextBytes(id);
			String deliveryId = HexFormat.of().formatHex(id);
			String url = switch (i % 7) {
				case 0 -> BASE + "/o/" + this.tokens.issue(TokenPurpose.OPEN, deliveryId) + ".gif";
				case 1, 2 -> BASE + "/c/" + this.tokens.issueClick(deliveryId, random.nextInt());
				case 3 -> BASE + "/u/" + this.tokens.issue(TokenPurpose.UNSUBSCRIBE, deliveryId);
				case 4 -> BASE + "/v/" + this.tokens.issue(TokenPurpose.VIEW, deliveryId);
				case 5 -> BASE + "/p/" + this.tokens.issue(TokenPurpose.PREFERENCES, deliveryId);
				default -> BASE + "/inscription/confirmer/" + this.tokens.issueExpiring(
						TokenPurpose.CONFIRM_SUBSCRIPTION, deliveryId, Instant.ofEpochSecond(random.nextInt()));
			};
			// as the text part and the rendered HTML carry it, in turn: alone on its line, after a word, in
			// brackets, in List-Unsubscribe's mailto:, wrapped by a mail reader within the token
			String token = url.substring(url.lastIndexOf('/') + 1);
			String text = switch (i % 5) {
				case 0 -> url + "\n";
				case 1 -> "Lire la suite : " + url + " (en ligne)\n";
				case 2 -> "(" + url + ")";
				case 3 -> "mailto:infolettre@exemple.ca?subject=" + TrackingLinks.UNSUBSCRIBE_SUBJECT + token;
				default -> wrapped(url, 1 + random.nextInt(token.length()));
			};
			if (BITCOIN_ID.matcher(text).find()) {
				lookalikes.add(text);
			}
		}
		assertThat(lookalikes).isEmpty();
	}

	private static String wrapped(String url, int fromEnd) {
		int at = url.length() - fromEnd;
		return url.substring(0, at) + "\n" + url.substring(at) + "\n";
	}

}
