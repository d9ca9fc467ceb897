package io.infolettre.newsletter.subscriber;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressTests {

	@Test
	void normalisesCaseAndSpaces() {
		assertThat(EmailAddress.of("  Marie.Tremblay@Exemple.CA ").value()).isEqualTo("marie.tremblay@exemple.ca");
	}

	@Test
	void acceptsInternationalisedDomainsInTheirAsciiForm() {
		assertThat(EmailAddress.of("info@érablière.ca").value()).isEqualTo("info@xn--rablire-6xad.ca");
		assertThat(EmailAddress.of("info@xn--rablire-6xad.ca")).isEqualTo(EmailAddress.of("info@ÉRABLIÈRE.ca"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "sans-arobase", "@exemple.ca", "a@", "a@b", "a@exemple.c", "a b@exemple.ca",
			"a@exemple..ca", "a..b@exemple.ca", "a@-exemple.ca", "a@exemple.ca\r\nBcc: x@y.ca", "a\n@exemple.ca" })
	void refusesWhatIsNotAnAddress(String input) {
		assertThat(EmailAddress.parse(input)).isEmpty();
		assertThatThrownBy(() -> EmailAddress.of(input)).isInstanceOf(InvalidEmailAddressException.class);
	}

	@Test
	void constructorRefusesAnUnnormalisedValue() {
		assertThatThrownBy(() -> new EmailAddress("Marie@Exemple.ca")).isInstanceOf(InvalidEmailAddressException.class);
	}

}
