package io.infolettre.newsletter.admin;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeLeftTests {

	@Test
	void roundsAsAPersonSaysIt() {
		assertThat(TimeLeft.format(-1)).isEqualTo("—");
		assertThat(TimeLeft.format(0)).isEqualTo("≈ 0 s");
		assertThat(TimeLeft.format(45)).isEqualTo("≈ 45 s");
		assertThat(TimeLeft.format(120)).isEqualTo("≈ 2 min");
		assertThat(TimeLeft.format(150)).isEqualTo("≈ 2 min 30 s");
		assertThat(TimeLeft.format(754)).isEqualTo("≈ 12 min");
		assertThat(TimeLeft.format(3900)).isEqualTo("≈ 1 h 05 min");
		assertThat(TimeLeft.format(7201)).isEqualTo("≈ 2 h 01 min");
	}

}
