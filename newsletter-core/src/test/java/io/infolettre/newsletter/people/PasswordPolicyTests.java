package io.infolettre.newsletter.people;

import org.junit.jupiter.api.Test;

import static io.infolettre.newsletter.people.PasswordWeakness.COMMON;
import static io.infolettre.newsletter.people.PasswordWeakness.COMMON_WITH_ADDITIONS;
import static io.infolettre.newsletter.people.PasswordWeakness.CONTAINS_LOGIN;
import static io.infolettre.newsletter.people.PasswordWeakness.CONTAINS_NAME;
import static io.infolettre.newsletter.people.PasswordWeakness.TOO_FEW_DIFFERENT_CHARACTERS;
import static io.infolettre.newsletter.people.PasswordWeakness.TOO_LONG;
import static io.infolettre.newsletter.people.PasswordWeakness.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	private static final String LOGIN = "marie.tremblay@exemple.ca";

	private static final String NAME = "Marie Tremblay";

	@Test
	void aLongPassphraseOfOrdinaryWordsIsFine() {
		assertThat(this.policy.weaknesses("cheval agrafe batterie correcte", LOGIN, LOGIN, NAME)).isEmpty();
		assertThat(this.policy.weaknesses("Lune-de-miel à Kamouraska!", LOGIN, LOGIN, NAME)).isEmpty();
	}

	@Test
	void aShortPasswordIsRefusedAndEveryOtherReasonIsGivenWithIt() {
		assertThat(this.policy.weaknesses("qwerty", LOGIN, LOGIN, NAME)).containsExactly(TOO_SHORT, COMMON);
		assertThat(this.policy.weaknesses("abcdefghijk", null, null, null)).containsExactly(TOO_SHORT);
	}

	@Test
	void theBundledListOfCommonPasswordsIsRead() {
		assertThat(this.policy.isCommon("password")).isTrue();
		assertThat(this.policy.isCommon("PASSWORD")).as("in any case").isTrue();
		assertThat(this.policy.isCommon("Unbelievable")).isTrue();
		assertThat(this.policy.weaknesses("unbelievable", LOGIN, LOGIN, NAME)).containsExactly(COMMON);
		assertThat(this.policy.isCommon("cheval agrafe batterie")).isFalse();
	}

	@Test
	void aCommonPasswordWithDigitsOrSymbolsAroundItIsRefused() {
		assertThat(this.policy.weaknesses("Password2024!", LOGIN, LOGIN, NAME)).containsExactly(COMMON_WITH_ADDITIONS);
		assertThat(this.policy.weaknesses("2024sunshine!!", LOGIN, LOGIN, NAME)).containsExactly(COMMON_WITH_ADDITIONS);
		assertThat(this.policy.weaknesses("123456789012", LOGIN, LOGIN, NAME)).containsExactly(COMMON_WITH_ADDITIONS);
	}

	@Test
	void aFewCharactersRepeatedAreRefused() {
		assertThat(this.policy.weaknesses("abababababab", null, null, null)).containsExactly(TOO_FEW_DIFFERENT_CHARACTERS);
	}

	@Test
	void thePersonsLoginAndNameAreRefusedWhateverTheCaseAndAccents() {
		assertThat(this.policy.weaknesses("marie.tremblay#Qc", LOGIN, LOGIN, NAME)).containsExactly(CONTAINS_LOGIN,
				CONTAINS_NAME);
		assertThat(this.policy.weaknesses("Vive TREMBLAY et les bleuets", LOGIN, null, "Éloïse Tremblay"))
			.contains(CONTAINS_LOGIN, CONTAINS_NAME);
		assertThat(this.policy.weaknesses("mon amie eloise du lac", null, null, "Éloïse Roy")).containsExactly(CONTAINS_NAME);
		assertThat(this.policy.weaknesses("le roy des forêts du nord", null, null, "Éloïse Roy"))
			.as("a part shorter than four letters says too little")
			.isEmpty();
	}

	@Test
	void aPasswordLongerThanWhatBcryptReadsIsRefused() {
		assertThat(this.policy.weaknesses("é".repeat(20) + "abcdefghijklmnopqrstuvwxyz0123456789", null, null, null))
			.containsExactly(TOO_LONG);
	}

	@Test
	void everyReasonIsInFrench() {
		for (PasswordWeakness weakness : PasswordWeakness.values()) {
			assertThat(weakness.reason()).matches("^(Il|C’est) .*").endsWith(".");
		}
		assertThat(TOO_SHORT.reason()).isEqualTo("Il doit compter au moins 12 caractères.");
	}

}
