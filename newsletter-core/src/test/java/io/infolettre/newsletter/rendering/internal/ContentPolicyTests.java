package io.infolettre.newsletter.rendering.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What coordinator-written HTML keeps once sanitised. */
class ContentPolicyTests {

	private static Document sanitized(String html) {
		return Jsoup.parseBodyFragment(ContentPolicy.sanitize(html));
	}

	@Test
	void keepsWhatANewsletterNeeds() {
		var html = sanitized("""
				<h2>Titre</h2><h3>Sous-titre</h3><p>Un <strong>mot</strong>, un <em>autre</em>.</p>
				<ul><li>un</li></ul><ol start="3"><li>trois</li></ol><blockquote>cité</blockquote><hr>
				<table><thead><tr><th>Date</th></tr></thead><tbody><tr><td colspan="2">10 déc.</td></tr></tbody></table>
				<p><a href="https://exemple.ca/a" title="A">web</a> <a href="mailto:info@exemple.ca">courriel</a>
				<a href="http://exemple.ca/b">http</a></p>
				<p><img src="https://exemple.ca/logo.png" alt="Logo de l’association" width="120"></p>
				""");
		assertThat(html.select("h2, h3, strong, em, ul li, ol li, blockquote, hr")).hasSize(8);
		assertThat(html.select("ol").attr("start")).isEqualTo("3");
		assertThat(html.select("table th").text()).isEqualTo("Date");
		assertThat(html.select("td[colspan=2]").text()).isEqualTo("10 déc.");
		assertThat(html.select("a").eachAttr("href")).containsExactly("https://exemple.ca/a", "mailto:info@exemple.ca",
				"http://exemple.ca/b");
		assertThat(html.select("img[src=https://exemple.ca/logo.png][alt][width=120]").attr("alt"))
			.isEqualTo("Logo de l’association");
	}

	@Test
	void dropsScriptsHandlersStylesAndUnsafeUrls() {
		var html = sanitized("""
				<script>alert(1)</script><p onclick="alert(2)" style="color:red">texte</p>
				<a href="javascript:alert(3)">lien</a><a href="data:text/html,x">donnée</a>
				<img src="http://exemple.ca/non-chiffre.png" alt="x"><img src="x" onerror="alert(4)">
				<iframe src="https://exemple.ca"></iframe><form><input name="a"></form><style>p{}</style>
				<svg><script>alert(5)</script></svg>
				""");
		assertThat(html.select("script, iframe, form, input, style, svg, img")).isEmpty();
		assertThat(html.select("[onclick], [style], [onerror]")).isEmpty();
		assertThat(html.select("a[href]")).isEmpty();
		assertThat(html.text()).contains("texte").contains("lien").doesNotContain("alert");
	}

	@Test
	void linkAddressesStayReadableInTheMarkup() {
		String html = ContentPolicy.sanitize(
				"<p><a href=\"https://exemple.ca/e?id=12&lieu=Alma\">a</a> <a href=\"mailto:c@exemple.ca\">c</a> 1+1</p>");
		assertThat(html).contains("href=\"https://exemple.ca/e?id=12&amp;lieu=Alma\"")
			.contains("href=\"mailto:c@exemple.ca\"")
			.contains("1+1");
	}

	@Test
	void keepsFreeMarkerInterpolationsThroughTheSanitiser() {
		var interpolations = new Interpolations();
		String html = "<p>Bonjour ${firstName!'membre'} de ${company!&quot;votre entreprise&quot;}</p>";
		String back = interpolations.restore(ContentPolicy.sanitize(interpolations.protect(html)));
		assertThat(back).isEqualTo("<p>Bonjour ${firstName!'membre'} de ${company!\"votre entreprise\"}</p>");
	}

}
