package io.infolettre.newsletter.tracking;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpenClassifierTests {

	private static final String THUNDERBIRD = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0";

	private static final String GMAIL = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";

	private final OpenClassifier classifier = new OpenClassifier(Duration.ofSeconds(2));

	private final Instant sent = Instant.parse("2026-12-01T14:00:00Z");

	private final Instant later = this.sent.plusSeconds(3600);

	@Test
	void aMailClientAnHourLaterIsAPerson() {
		assertThat(this.classifier.classify(THUNDERBIRD, "24.48.1.2", this.sent, this.later)).isEqualTo(OpenClass.HUMAN);
		assertThat(OpenClass.HUMAN.isRead()).isTrue();
	}

	@Test
	void anOpenWithinSecondsOfTheDeliveryIsAScannerWhateverItSaysItIs() {
		assertThat(this.classifier.classify(THUNDERBIRD, "24.48.1.2", this.sent, this.sent.plusMillis(1500)))
			.isEqualTo(OpenClass.SCANNER);
		assertThat(this.classifier.classify(THUNDERBIRD, "24.48.1.2", this.sent, this.sent.plusSeconds(2)))
			.as("from the window's end on, a person").isEqualTo(OpenClass.HUMAN);
	}

	@Test
	void knownScannersHttpLibrariesAndEmptyAgentsAreScanners() {
		for (String agent : new String[] { "Mozilla/5.0 (compatible; Barracuda Sentinel)", "python-requests/2.31.0",
				"curl/8.5.0", "Java-http-client/17.0.9", "Mozilla/5.0 HeadlessChrome/120.0", "Go-http-client/1.1", "", null }) {
			assertThat(this.classifier.classify(agent, "24.48.1.2", this.sent, this.later)).as(agent)
				.isEqualTo(OpenClass.SCANNER);
		}
		assertThat(OpenClass.SCANNER.isRead()).isFalse();
	}

	@Test
	void applesNetworkOrItsBareAgentIsMailPrivacyProtection() {
		assertThat(this.classifier.classify("Mozilla/5.0", "24.48.1.2", this.sent, this.later))
			.isEqualTo(OpenClass.APPLE_PRIVACY);
		assertThat(this.classifier.classify(THUNDERBIRD, "17.58.101.7", this.sent, this.later))
			.isEqualTo(OpenClass.APPLE_PRIVACY);
		assertThat(OpenClass.APPLE_PRIVACY.isRead()).as("Apple fetches every image in advance").isFalse();
	}

	@Test
	void webmailImageProxiesFetchWhenTheirReaderOpens() {
		assertThat(this.classifier.classify(GMAIL, "66.249.84.1", this.sent, this.later)).isEqualTo(OpenClass.IMAGE_PROXY);
		assertThat(this.classifier.classify("YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html",
				"98.137.1.1", this.sent, this.later))
			.isEqualTo(OpenClass.IMAGE_PROXY);
		assertThat(OpenClass.IMAGE_PROXY.isRead()).isTrue();
	}

	@Test
	void keepsOnlyTheAgentsFamily() {
		assertThat(OpenClassifier.family(GMAIL)).isEqualTo("Gmail");
		assertThat(OpenClassifier.family(THUNDERBIRD)).isEqualTo("Thunderbird");
		assertThat(OpenClassifier.family("Mozilla/5.0")).isEqualTo("Apple Mail (proxy)");
		assertThat(OpenClassifier.family("Microsoft Outlook 16.0.17126")).isEqualTo("Outlook");
		assertThat(OpenClassifier.family(
				"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko)"))
			.isEqualTo("Apple Mail");
		assertThat(OpenClassifier.family(null)).isEqualTo("inconnu");
	}

}
