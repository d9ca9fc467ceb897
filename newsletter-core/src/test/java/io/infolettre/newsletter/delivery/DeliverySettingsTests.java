package io.infolettre.newsletter.delivery;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings as Spring binds them from properties: what is not set keeps its own default. */
class DeliverySettingsTests {

	@Test
	void defaultsWhenNothingIsSet() {
		var settings = bind(Map.of());

		assertThat(settings.retry().attempts()).isEqualTo(4);
		assertThat(settings.retry().backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.retry().backoffAfter(3)).isEqualTo(Duration.ofMinutes(4));
		assertThat(settings.reconnect().backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.inFlightAfterCrash()).isEqualTo(DeliverySettings.InFlightAfterCrash.RESEND);
		assertThat(settings.resumeOnStartup()).isTrue();
		assertThat(settings.fallbackRelays()).isEmpty();
	}

	@Test
	void settingOnePropertyOfARetryKeepsTheOthersDefaults() {
		var settings = bind(Map.of("newsletter.delivery.reconnect.attempts", "2",
				"newsletter.delivery.fallback-relays[0].host", "relais2.exemple.ca",
				"newsletter.delivery.fallback-relays[0].port", "2525", "newsletter.delivery.in-flight-after-crash", "hold"));

		assertThat(settings.reconnect().attempts()).isEqualTo(2);
		assertThat(settings.reconnect().backoffAfter(1)).as("its own default, not the retry's").isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.fallbackRelays()).singleElement().satisfies(relay -> {
			assertThat(relay.host()).isEqualTo("relais2.exemple.ca");
			assertThat(relay.port()).isEqualTo(2525);
		});
		assertThat(settings.inFlightAfterCrash()).isEqualTo(DeliverySettings.InFlightAfterCrash.HOLD);
	}

	@Test
	void aSendPausedForTheRelayTriesItAgainAfterWaitsThatDoubleUpToAQuarterOfAnHourForADay() {
		var recovery = bind(Map.of()).relayRecovery();

		assertThat(recovery.waitAfter(0)).isEqualTo(Duration.ofSeconds(30));
		assertThat(recovery.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(recovery.waitAfter(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(recovery.waitAfter(5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(recovery.waitAfter(500)).isEqualTo(Duration.ofMinutes(15));
		assertThat(recovery.giveUpAfter()).isEqualTo(Duration.ofHours(24));

		var quick = bind(Map.of("newsletter.delivery.relay-recovery.first-wait", "200ms")).relayRecovery();
		assertThat(quick.waitAfter(1)).isEqualTo(Duration.ofMillis(400));
		assertThat(quick.longestWait()).as("its own default").isEqualTo(Duration.ofMinutes(15));
	}

	private static DeliverySettings bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("newsletter.delivery", DeliverySettings.class);
	}

}
