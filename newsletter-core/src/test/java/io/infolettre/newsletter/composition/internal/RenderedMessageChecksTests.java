package io.infolettre.newsletter.composition.internal;

import io.infolettre.newsletter.rendering.RenderedMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the preflight finds in a rendered message, read with a real HTML parser. */
class RenderedMessageChecksTests {

	private static final String UNSUBSCRIBE = "https://n.exemple.ca/u/verification";

	private static RenderedMessageChecks checks(String subject, String html, String text) {
		return new RenderedMessageChecks(new RenderedMessage(subject, html, text));
	}

	@Test
	void findsTheUnsubscribeLinkInBothParts() {
		String html = "<p><a href=\" " + UNSUBSCRIBE + "\">Se désabonner</a></p>";

		assertThat(checks("Objet", html, "Pour vous désabonner : " + UNSUBSCRIBE).hasUnsubscribeLink(UNSUBSCRIBE)).isTrue();
		assertThat(checks("Objet", html, "Pas de lien").hasUnsubscribeLink(UNSUBSCRIBE)).isFalse();
		assertThat(checks("Objet", "<p>" + UNSUBSCRIBE + "</p>", UNSUBSCRIBE).hasUnsubscribeLink(UNSUBSCRIBE))
			.as("a URL in the text of the HTML is no link")
			.isFalse();
	}

	@Test
	void linksMustBeAbsoluteHttpHttpsOrMailto() {
		var found = checks("Objet", """
				<a href="https://exemple.ca/a?b=1">ok</a> <a href="mailto:info@exemple.ca">ok</a>
				<a href="http://exemple.ca">ok</a> <a href="/relatif">relatif</a> <a href="http:///sans-hote">sans hôte</a>
				<a href="javascript:alert(1)">script</a> <a href="ftp://exemple.ca/f">ftp</a> <a href="">vide</a>
				<a href="https://exemple.ca/a b">espace</a>""", "texte");

		assertThat(found.badLinks()).containsExactly("/relatif", "http:///sans-hote", "javascript:alert(1)",
				"ftp://exemple.ca/f", "(vide)", "https://exemple.ca/a b");
	}

	@Test
	void imagesNeedAnAltTextExceptAPixel() {
		var found = checks("Objet", """
				<img src="logo.png" alt="Logo de l'association"><img src="photo.jpg" alt="">
				<img src="sans.png"><img src="https://n/o/x.gif" width="1" height="1" alt="">""", "texte");

		assertThat(found.imagesWithoutAlt()).containsExactly("photo.jpg", "sans.png");
	}

	@Test
	void warnsAboutCapitalsExclamationsAndFreeInTheSubject() {
		assertThat(checks("Votre infolettre de décembre", "<p/>", "t").subjectWarnings()).isEmpty();
		assertThat(checks("OFFRE SPÉCIALE POUR LES MEMBRES", "<p/>", "t").subjectWarnings())
			.containsExactly("objet en MAJUSCULES");
		assertThat(checks("Inscrivez-vous!!", "<p/>", "t").subjectWarnings())
			.containsExactly("2 points d'exclamation dans l'objet");
		assertThat(checks("Formation gratuite en santé-sécurité", "<p/>", "t").subjectWarnings())
			.containsExactly("« gratuit » ou « free » dans l'objet");
		assertThat(checks("Free training for members", "<p/>", "t").subjectWarnings()).hasSize(1);
		assertThat(checks("Freedom et PME", "<p/>", "t").subjectWarnings()).isEmpty();
	}

	@Test
	void measuresTheHtmlInBytesAndSeesAMissingTextVersion() {
		var found = checks("Objet", "é".repeat(1000), " \n");

		assertThat(found.htmlBytes()).isEqualTo(2000);
		assertThat(found.hasText()).isFalse();
	}

}
