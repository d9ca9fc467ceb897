package io.infolettre.newsletter.system;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.infolettre.newsletter.audit.FieldChange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Two snapshots compared field by field: what changed, never a secret, long values cut. */
class AuditDiffTests {

	@Test
	void keepsOnlyTheFieldsThatChangedInTheOrderTheyAreRead() {
		var before = AuditSnapshot.of("Infolettre").put("title", "Infolettre").put("status", "DRAFT")
			.put("tags", List.of("b", "a")).put("attributes", Map.of("secteur", "Génie")).build();
		var after = AuditSnapshot.of("Infolettre de mai").put("title", "Infolettre de mai").put("status", "DRAFT")
			.put("tags", List.of("a", "b")).put("attributes", new TreeMap<>(Map.of("secteur", "Santé", "taille", 12))).build();

		assertThat(AuditDiff.between(before.fields(), after.fields())).containsExactly(
				new FieldChange("title", "Infolettre", "Infolettre de mai"),
				new FieldChange("attributes.secteur", "Génie", "Santé"), new FieldChange("attributes.taille", null, "12"));
	}

	@Test
	void neverKeepsAFieldNamedLikeASecretWhateverASourcePutsInIt() {
		var before = Map.of("passwordHash", "{bcrypt}old", "token", "a", "name", "Camille");
		var after = Map.of("passwordHash", "{bcrypt}new", "token", "b", "name", "Camille Roy");

		assertThat(AuditDiff.between(before, after)).containsExactly(new FieldChange("name", "Camille", "Camille Roy"));
	}

	@Test
	void cutsALongValueAndWritesInstantsToTheSecond() {
		String source = "x".repeat(AuditDiff.MAX_VALUE + 10);
		var after = AuditSnapshot.of("gabarit").put("source", source)
			.put("at", Instant.parse("2026-12-08T14:00:00.123Z")).put("empty", List.of()).build();

		var changes = AuditDiff.between(Map.of(), after.fields());
		assertThat(changes).extracting(FieldChange::field).containsExactly("source", "at");
		assertThat(changes.get(0).after()).hasSize(AuditDiff.MAX_VALUE + 1).endsWith("…");
		assertThat(changes.get(1).after()).isEqualTo("2026-12-08T14:00:00Z");
	}

}
