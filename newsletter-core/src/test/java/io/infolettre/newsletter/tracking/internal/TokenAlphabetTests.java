package io.infolettre.newsletter.tracking.internal;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenAlphabetTests {

	@Test
	void spellsAnyBytesInTheAlphabetAndReadsThemBack() {
		var random = new Random(20261207);
		for (int length = 0; length <= 40; length++) {
			for (int i = 0; i < 200; i++) {
				byte[] bytes = new byte[length];
				random.nextBytes(bytes);
				String text = TokenAlphabet.encode(bytes);
				assertThat(text).hasSize(TokenAlphabet.length(length)).matches("[a-z245678]*");
				assertThat(TokenAlphabet.decode(text, length)).hasValue(bytes);
			}
		}
	}

	@Test
	void followsRfc4648Base32ExceptForTheCaseAndTheDigitThree() {
		// RFC 4648: BASE32("foobar") = "MZXW6YTBOI======"; BASE32(de ad be ef) = "32W353Y="
		assertThat(TokenAlphabet.encode("foobar".getBytes())).isEqualTo("mzxw6ytboi");
		assertThat(TokenAlphabet.encode(new byte[] { (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef }))
			.isEqualTo("82w858y");
	}

	@Test
	void readsOnlyTheOneSpellingOfEachValue() {
		String text = TokenAlphabet.encode(new byte[] { 1, 2, 3, 4, 5, 6 });
		assertThat(TokenAlphabet.decode(text, 6)).isPresent();
		assertThat(TokenAlphabet.decode(text, 5)).as("wrong length").isEmpty();
		assertThat(TokenAlphabet.decode(text.toUpperCase(), 6)).as("upper case").isEmpty();
		assertThat(TokenAlphabet.decode(text.substring(0, text.length() - 1) + "b", 6)).as("unused bits set").isEmpty();
		for (char outside : "0139-_=ABé".toCharArray()) {
			assertThat(TokenAlphabet.decode(outside + text.substring(1), 6)).as("%s", outside).isEmpty();
		}
	}

}
