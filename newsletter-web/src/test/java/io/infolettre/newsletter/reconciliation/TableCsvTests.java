package io.infolettre.newsletter.reconciliation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableCsvTests {

	@Test
	void aTableIsUtf8WithAByteOrderMarkAndItsTextCellsAreDefused() throws IOException {
		var out = new ByteArrayOutputStream();
		TableCsv.write(List.of("entreprise", "ouvertures", "taux"),
				List.of(List.of("Câbles Québec", 3, new BigDecimal("0.3333")),
						List.of("=HYPERLINK(\"http://x\")", -2, new BigDecimal("-0.5000")), List.of("Scierie, « Ébène »", 0, 0)),
				out);
		byte[] bytes = out.toByteArray();
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8)).isEqualTo("""
				entreprise,ouvertures,taux\r
				Câbles Québec,3,0.3333\r
				"'=HYPERLINK(""http://x"")",-2,-0.5000\r
				"Scierie, « Ébène »",0,0\r
				""");
	}

}
