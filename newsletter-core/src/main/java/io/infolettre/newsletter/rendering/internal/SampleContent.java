package io.infolettre.newsletter.rendering.internal;

import io.infolettre.newsletter.rendering.MessageDraft;
import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.RecipientModel;

/**
 * What a layout is checked and previewed with: a body using every kind of content block, and the
 * sample recipient with and without tracking, so that each branch of the footer is rendered.
 */
final class SampleContent {

	private static final String BODY_FR = """
			Voici un aperçu du gabarit avec du contenu de démonstration : un intertitre, une liste,
			un lien et chaque type de bloc.

			## Nouvelles de l’association

			- Assemblée générale le **15 mai**
			- Nouveau répertoire des membres en ligne

			[Consulter le répertoire](https://exemple.invalid/repertoire)

			:::evenement 5 à 7 des membres
			Le jeudi 10 décembre, de 17 h à 19 h, à la salle des Bâtisseurs.
			:::

			:::formation Lean manufacturier
			Six demi-journées de janvier à avril, à Saguenay et à Alma.
			:::

			:::nouvelles Du côté des membres
			${company!'Votre entreprise'} est à l’honneur ce mois-ci.
			:::

			:::sondage Votre avis compte
			Cinq minutes pour préparer l’an prochain.

			[Répondre au sondage](https://exemple.invalid/sondage)
			:::
			""";

	private static final String BODY_EN = """
			Here is a preview of the template with sample content: a heading, a list, a link and every
			kind of block.

			## Association news

			- Annual general meeting on **May 15**
			- New online member directory

			[Browse the directory](https://exemple.invalid/directory)

			:::event Members’ networking evening
			Thursday, December 10, 5 to 7 p.m., at the Bâtisseurs hall.
			:::

			:::training Lean manufacturing
			Six half-days from January to April, in Saguenay and Alma.
			:::

			:::news Member news
			${company!'Your company'} is in the spotlight this month.
			:::

			:::survey Your opinion matters
			Five minutes to help us plan next year.

			[Take the survey](https://exemple.invalid/survey)
			:::
			""";

	private SampleContent() {
	}

	static MessageDraft draft(String template, String language) {
		boolean en = "en".equals(language);
		return new MessageDraft(template, en ? "Newsletter – preview" : "Infolettre – aperçu",
				en ? "${firstName!'Member'}, your newsletter" : "${firstName!'Membre'}, votre infolettre",
				en ? "Events, training and member news" : "Événements, formations et nouvelles des membres",
				en ? BODY_EN : BODY_FR, en ? "en" : "fr");
	}

	/** As previewed: no tracking, a web version. */
	static RecipientModel previewed(String language) {
		return RecipientModel.sample(language)
			.withLinks(new RecipientLinks("https://exemple.invalid/u/apercu", "https://exemple.invalid/p/apercu", null,
					false, false, "https://exemple.invalid/v/apercu"));
	}

	/** As sent with every kind of tracking on. */
	static RecipientModel tracked(String language) {
		return RecipientModel.sample(language)
			.withLinks(new RecipientLinks("https://exemple.invalid/u/apercu", "https://exemple.invalid/p/apercu",
					"https://exemple.invalid/o/apercu.gif", true, false, null));
	}

	/** As sent with anonymous tracking. */
	static RecipientModel anonymous(String language) {
		return RecipientModel.sample(language)
			.withLinks(new RecipientLinks("https://exemple.invalid/u/apercu", "https://exemple.invalid/p/apercu",
					"https://exemple.invalid/o/apercu.gif", true, true, null));
	}

}
