package io.infolettre.newsletter.subscriber;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvCellsTests {

	@Test
	void aCellASpreadsheetWouldRunAsAFormulaIsGuardedAndTheGuardComesOffOnImport() {
		assertThat(CsvCells.guard("=1+1")).isEqualTo("'=1+1");
		assertThat(CsvCells.guard("+1@example.ca")).isEqualTo("'+1@example.ca");
		assertThat(CsvCells.unguard("'=1+1")).isEqualTo("=1+1");
		assertThat(CsvCells.unguard("'+1@example.ca")).isEqualTo("+1@example.ca");
		assertThat(CsvCells.unguard("'-5")).isEqualTo("-5");
		assertThat(CsvCells.unguard("'@SOMME(A1)")).isEqualTo("@SOMME(A1)");
	}

	@Test
	void anApostropheThatIsNotAGuardStays() {
		assertThat(CsvCells.unguard("'Til Dawn")).isEqualTo("'Til Dawn");
		assertThat(CsvCells.unguard("l'Érablière")).isEqualTo("l'Érablière");
		assertThat(CsvCells.unguard("'")).isEqualTo("'");
		assertThat(CsvCells.unguard("")).isEmpty();
		assertThat(CsvCells.guard("'Til Dawn")).isEqualTo("'Til Dawn");
	}

	@Test
	void everyValueComesBackExactlyAfterAnExportAndAnImport() {
		for (String value : List.of("=1+1", "'=1+1", "''=1+1", "'", "''", "'abc", "abc", "-", "@", "\tx", "'\tx", "")) {
			assertThat(CsvCells.unguard(CsvCells.guard(value))).as(value).isEqualTo(value);
		}
	}

	@Test
	void aRowIsUnguardedCellByCellAndLeftAsItIsWhenNoCellHasAGuard() {
		List<String> plain = List.of("anne@exemple.ca", "Anne");
		assertThat(CsvCells.unguard(plain)).isSameAs(plain);
		assertThat(CsvCells.unguard(List.of("'+1@exemple.ca", "'=1+1", "Côté"))).containsExactly("+1@exemple.ca", "=1+1",
				"Côté");
	}

}
