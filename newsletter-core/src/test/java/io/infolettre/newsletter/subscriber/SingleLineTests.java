package io.infolettre.newsletter.subscriber;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SingleLineTests {

	@Test
	void lineBreaksTabsAndOtherControlCharactersBecomeOneSpace() {
		assertThat(SingleLine.of("Zoé\r\nBélanger")).isEqualTo("Zoé Bélanger");
		assertThat(SingleLine.of("Zoé\rBélanger")).isEqualTo("Zoé Bélanger");
		assertThat(SingleLine.of("Zoé\tBélanger")).isEqualTo("Zoé Bélanger");
		assertThat(SingleLine.of("Zoé\u2028Bélanger\u2029inc.")).as("line and paragraph separators")
			.isEqualTo("Zoé Bélanger inc.");
		assertThat(SingleLine.of("Zoé\u0085Bélanger\u009b")).as("C1: next line, CSI").isEqualTo("Zoé Bélanger");
		assertThat(SingleLine.of("Zoé\u0000\u0007\u001b[31mBélanger\u007f")).as("NUL, bell, escape, DEL")
			.isEqualTo("Zoé [31mBélanger");
		assertThat(SingleLine.of("Jean\r\nBcc: pirate@exemple.ca")).doesNotContain("\r", "\n");
	}

	@Test
	void runsOfSpacesBecomeOneAndTheEndsAreStripped() {
		assertThat(SingleLine.of("  Acier \u00a0 du\t \r\n  Fjord\u202finc.  ")).isEqualTo("Acier du Fjord inc.");
		assertThat(SingleLine.of("\u3000Marie\u2003Claire\u00a0")).isEqualTo("Marie Claire");
	}

	@Test
	void aDecomposedAccentIsTheComposedOne() {
		String decomposed = "Ame\u0301lie Co\u0302te\u0301";

		assertThat(SingleLine.of(decomposed)).isEqualTo("Am\u00e9lie C\u00f4t\u00e9").hasSize(11);
	}

	@Test
	void nothingButSpacesAndControlsIsNothing() {
		assertThat(SingleLine.of(null)).isNull();
		assertThat(SingleLine.of("")).isNull();
		assertThat(SingleLine.of(" \r\n\t\u00a0\u2028\u0000 ")).isNull();
	}

	@Test
	void aCleanNameIsLeftAsItIs() {
		assertThat(SingleLine.of("Jean-François O’Neil")).isEqualTo("Jean-François O’Neil");
		assertThat(SingleLine.of("Œuvres d’Art « Nord » inc. 🍁")).isEqualTo("Œuvres d’Art « Nord » inc. 🍁");
	}

}
