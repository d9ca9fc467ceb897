package io.infolettre.newsletter.reconciliation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryCsvTests {

	@Test
	void filenamesAreTheTitleWithoutAccentsOrPunctuation() {
		assertThat(DeliveryCsv.slug("Infolettre – décembre 2026 : « Fêtes » & vœux")).isEqualTo("infolettre-decembre-2026-fetes-voeux");
		assertThat(DeliveryCsv.slug("Ça, c'est l'été!")).isEqualTo("ca-c-est-l-ete");
		assertThat(DeliveryCsv.slug("« »")).isEmpty();
		assertThat(DeliveryCsv.slug("x".repeat(80))).hasSize(60);
	}

	@Test
	void cellsThatASpreadsheetWouldRunAsFormulasAreDefused() {
		assertThat(DeliveryCsv.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
		assertThat(DeliveryCsv.text("-2+3")).isEqualTo("'-2+3");
		assertThat(DeliveryCsv.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(DeliveryCsv.text("550 5.1.1 Adresse refusée")).isEqualTo("550 5.1.1 Adresse refusée");
		assertThat(DeliveryCsv.text(null)).isNull();
	}

}
