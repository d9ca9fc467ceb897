package io.infolettre.newsletter.rendering.internal;

import io.infolettre.newsletter.rendering.TemplateProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The subject alone, as the sample member reads it, for the lists of issues. */
class FreeMarkerSubjectLinesTests {

	private final FreeMarkerSubjectLines subjects = new FreeMarkerSubjectLines(FreeMarkerIssueRendererTests.SENDER,
			BrandingSettings.DEFAULTS, new RenderingSettings(FreeMarkerIssueRendererTests.TEMPLATES));

	@Test
	void personalisesForTheSampleMember() {
		assertThat(this.subjects.forSample("${firstName!'Membre'}, l'infolettre de ${company!'votre entreprise'}", "fr"))
			.isEqualTo("Marie, l'infolettre de Aluminerie du Fjord inc.");
		assertThat(this.subjects.forSample("Secteur : ${attributes.secteur!''}", "en"))
			.isEqualTo("Secteur : Fabrication et transformation");
	}

	@Test
	void readsTheSenderAndKeepsPlainTextOnOneLine() {
		assertThat(this.subjects.forSample("Nouvelles de ${sender.organisation}", "fr"))
			.isEqualTo("Nouvelles de Association des industriels du Saguenay–Lac-Saint-Jean");
		assertThat(this.subjects.forSample("Deux\nlignes ", "fr")).isEqualTo("Deux lignes");
	}

	@Test
	void refusesWhatAWholeMessageRefuses() {
		assertThatThrownBy(() -> this.subjects.forSample("${'x'?eval}", "fr")).isInstanceOf(TemplateProblem.class);
		assertThatThrownBy(() -> this.subjects.forSample("Bonjour ${firstName", "fr"))
			.isInstanceOf(TemplateProblem.class);
		assertThatThrownBy(() -> this.subjects.forSample("Bonjour ${inconnu}", "fr")).isInstanceOf(TemplateProblem.class);
	}

}
