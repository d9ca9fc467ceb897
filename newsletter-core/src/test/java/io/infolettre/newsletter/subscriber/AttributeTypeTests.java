package io.infolettre.newsletter.subscriber;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AttributeTypeTests {

	@Test
	void readsNumbersAsASpreadsheetWritesThem() {
		assertThat(AttributeType.NUMBER.parse("1 234", List.of())).contains(1234L);
		assertThat(AttributeType.NUMBER.parse("12,5", List.of())).contains(12.5);
		assertThatIllegalArgumentException().isThrownBy(() -> AttributeType.NUMBER.parse("douze", List.of()))
			.withMessageContaining("nombre attendu");
	}

	@Test
	void storesDatesAsIsoTextThatSortsInDateOrder() {
		assertThat(AttributeType.DATE.parse("2019-04-01", List.of())).contains("2019-04-01");
		assertThat(AttributeType.DATE.parse("1/4/2019", List.of())).contains("2019-04-01");
		assertThatIllegalArgumentException().isThrownBy(() -> AttributeType.DATE.parse("2019-13-01", List.of()));
	}

	@Test
	void readsYesAndNoInFrenchAndEnglish() {
		assertThat(AttributeType.BOOLEAN.parse("Oui", List.of())).contains(true);
		assertThat(AttributeType.BOOLEAN.parse("no", List.of())).contains(false);
		assertThatIllegalArgumentException().isThrownBy(() -> AttributeType.BOOLEAN.parse("peut-être", List.of()));
	}

	@Test
	void acceptsOnlyKnownChoicesAndKeepsTheirSpelling() {
		var sectors = List.of("Génie", "Transport");

		assertThat(AttributeType.CHOICE.parse("génie", sectors)).contains("Génie");
		assertThatIllegalArgumentException().isThrownBy(() -> AttributeType.CHOICE.parse("Mines", sectors))
			.withMessageContaining("Mines");
	}

	@Test
	void leavesBlankValuesUnset() {
		assertThat(AttributeType.TEXT.parse("  ", List.of())).isEqualTo(Optional.empty());
	}

	@Test
	void namesTheAttributeInItsErrors() {
		var memberSince = AttributeDefinition.of("membreDepuis", "Membre depuis", AttributeType.DATE);

		assertThatIllegalArgumentException().isThrownBy(() -> memberSince.parse("hier"))
			.withMessageStartingWith("Membre depuis : date attendue");
	}

}
