package io.infolettre.newsletter.issue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SendWindowTests {

	private final SendWindow weekdays = SendWindow.weekdays(LocalTime.of(8, 0), LocalTime.of(17, 0), SendTime.QUEBEC);

	@Test
	void isOpenOnItsDaysFromOpeningToClosing() {
		assertThat(this.weekdays.isOpen(quebec("2026-12-01T08:00"))).as("Tuesday at opening").isTrue();
		assertThat(this.weekdays.isOpen(quebec("2026-12-01T16:59"))).isTrue();
		assertThat(this.weekdays.isOpen(quebec("2026-12-01T17:00"))).as("closing is closed").isFalse();
		assertThat(this.weekdays.isOpen(quebec("2026-12-01T07:59"))).isFalse();
		assertThat(this.weekdays.isOpen(quebec("2026-12-05T10:00"))).as("Saturday").isFalse();
	}

	@Test
	void nextOpeningIsNowWhenOpenOtherwiseTheNextDayOfTheWindow() {
		assertThat(this.weekdays.nextOpening(quebec("2026-12-01T10:00"))).isEqualTo(quebec("2026-12-01T10:00"));
		assertThat(this.weekdays.nextOpening(quebec("2026-12-01T06:00"))).isEqualTo(quebec("2026-12-01T08:00"));
		assertThat(this.weekdays.nextOpening(quebec("2026-12-01T17:30"))).isEqualTo(quebec("2026-12-02T08:00"));
		assertThat(this.weekdays.nextOpening(quebec("2026-12-04T17:00"))).as("Friday evening: Monday")
			.isEqualTo(quebec("2026-12-07T08:00"));
		var tuesdays = new SendWindow(Set.of(DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(10, 0), SendTime.QUEBEC);
		assertThat(tuesdays.nextOpening(quebec("2026-12-01T10:00"))).as("a week later")
			.isEqualTo(quebec("2026-12-08T09:00"));
	}

	@Test
	void opensAtTheSameWallClockTimeAcrossDaylightSaving() {
		// Friday March 12, 2027 (standard time) to Monday March 15 (daylight time)
		assertThat(this.weekdays.nextOpening(quebec("2027-03-12T18:00"))).isEqualTo(Instant.parse("2027-03-15T12:00:00Z"));
	}

	@Test
	void refusesAWindowThatNeverOpens() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SendWindow(Set.of(), LocalTime.of(8, 0), LocalTime.of(17, 0), SendTime.QUEBEC));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SendWindow.weekdays(LocalTime.of(17, 0), LocalTime.of(8, 0), SendTime.QUEBEC));
	}

	private static Instant quebec(String local) {
		return SendTime.of(LocalDateTime.parse(local), SendTime.QUEBEC).instant();
	}

}
