package io.infolettre.newsletter.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClickRewritingTests {

	private static final String OWN = "https://infolettre.exemple.ca";

	private final List<String> seen = new ArrayList<>();

	private final UnaryOperator<String> tracked = url -> {
		this.seen.add(url);
		return OWN + "/c/T" + this.seen.size();
	};

	@Test
	void rewritesEveryWebLinkOfTheHtmlAndLeavesTheRestAlone() {
		String html = """
				<a href="https://exemple.ca/evenements?id=12&amp;lieu=Alma">5 à 7</a>
				<a HREF="http://exemple.ca/avantages">avantages</a>
				<a href="mailto:coordination@exemple.ca">écrire</a>
				<a href="https://infolettre.exemple.ca/u/abc">se désabonner</a>
				<a href="https://exemple.ca/mauvais lien">cassé</a>
				<img src="https://exemple.ca/logo.png" alt="logo">""";

		String rewritten = ClickRewriting.html(html, OWN, this.tracked);

		assertThat(this.seen).as("as a browser reads them").containsExactly("https://exemple.ca/evenements?id=12&lieu=Alma",
				"http://exemple.ca/avantages");
		assertThat(rewritten).contains("<a href=\"https://infolettre.exemple.ca/c/T1\">5 à 7</a>")
			.contains("HREF=\"https://infolettre.exemple.ca/c/T2\"")
			.contains("mailto:coordination@exemple.ca")
			.contains("https://infolettre.exemple.ca/u/abc")
			.contains("https://exemple.ca/mauvais lien")
			.contains("src=\"https://exemple.ca/logo.png\"");
	}

	@Test
	void rewritesTheAddressesOfTheTextWithoutTheirTrailingPunctuation() {
		String text = "Inscription : https://exemple.ca/evenements?id=12&lieu=Alma.\n"
				+ "Sondage (https://sondage.exemple.ca/s/2026), désabonnement : https://infolettre.exemple.ca/u/abc";

		String rewritten = ClickRewriting.text(text, OWN, this.tracked);

		assertThat(this.seen).containsExactly("https://exemple.ca/evenements?id=12&lieu=Alma",
				"https://sondage.exemple.ca/s/2026");
		assertThat(rewritten).isEqualTo("Inscription : https://infolettre.exemple.ca/c/T1.\n"
				+ "Sondage (https://infolettre.exemple.ca/c/T2), désabonnement : https://infolettre.exemple.ca/u/abc");
	}

}
