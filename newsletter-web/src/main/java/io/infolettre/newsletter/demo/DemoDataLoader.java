package io.infolettre.newsletter.demo;

import java.time.Clock;

import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueContent;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.subscriber.SubscriberManagement;
import io.infolettre.newsletter.subscriber.Subscribers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * On a first start (no subscriber at all), loads the demo members and a draft issue, so that a
 * newcomer can preview, send and read a report straight away. Turned off with
 * {@code newsletter.demo.enabled=false}; never touches a base that already has subscribers.
 */
@Component
@ConditionalOnProperty(name = "newsletter.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	static final String TITLE = "Infolettre – décembre 2026";

	// Subject and body are FreeMarker templates rendered per recipient, hence the ${…} with defaults.
	static final String SUBJECT = "${firstName!'Membre'}, votre infolettre de décembre : "
			+ "formations, événements et avantages";

	static final String PREHEADER = "5 à 7 des membres le 10 décembre, cohorte Lean de l'hiver, "
			+ "équipements de protection à prix négociés et sondage annuel.";

	static final String BODY = """
			Voici les nouvelles de fin d'année : un 5 à 7 pour clore 2026, une nouvelle
			cohorte de formation, un avantage négocié pour les membres et un court
			sondage pour préparer l'an prochain.

			## 5 à 7 des membres : on termine l'année ensemble

			Le **jeudi 10 décembre 2026, de 17 h à 19 h**, rejoignez les membres de tous
			les parcs industriels de la région à la salle des Bâtisseurs, dans le
			Vieux-Port de Chicoutimi. Au menu : des bouchées préparées avec des produits
			d'ici, un tour d'horizon des projets d'agrandissement annoncés cette année
			et, surtout, du temps pour échanger entre fournisseurs, donneurs d'ordres et
			nouveaux venus.

			L'entrée est gratuite pour les membres; chaque entreprise peut inscrire
			jusqu'à trois personnes. Les places sont limitées à 150.

			[Je m'inscris au 5 à 7](https://exemple.ca/evenements/5-a-7-decembre-2026)

			## Cohorte Lean manufacturier – hiver 2027

			Vous voulez réduire les délais de production, les stocks en cours et les
			pertes de matière? La cohorte **Lean manufacturier – hiver 2027** réunit
			huit entreprises pour six demi-journées de formation, de janvier à avril.
			Chaque séance est suivie d'un projet d'amélioration mené dans votre usine,
			avec l'accompagnement d'un formateur.

			- Séances en alternance à Saguenay et à Alma
			- Outils abordés : cartographie de la chaîne de valeur, 5S, SMED et gestion
			  visuelle
			- Une partie des coûts peut être admissible à une aide financière pour la
			  formation de la main-d'œuvre

			Date limite d'inscription : vendredi 18 décembre 2026.

			[Détails et inscription](https://exemple.ca/formations/lean-manufacturier-hiver-2027)

			## Avantage membre : équipements de protection à prix négociés

			Grâce au regroupement d'achats de l'association,
			${company!'votre entreprise'} profite désormais de tarifs négociés sur les
			équipements de protection individuelle : gants, lunettes, protection
			auditive et vêtements haute visibilité. La remise s'applique dès la
			première commande, sans volume minimal, et la livraison est offerte partout
			au Saguenay–Lac-Saint-Jean.

			Pour obtenir votre code de membre, répondez simplement à cette infolettre.

			## Votre avis compte : sondage annuel des membres

			Quels sujets voulez-vous voir au programme de 2027? Main-d'œuvre, transition
			énergétique, automatisation, exportation? Le sondage prend environ cinq
			minutes et les réponses restent confidentielles. Les résultats seront
			présentés à l'assemblée générale du printemps.

			[Répondre au sondage](https://exemple.ca/sondage-membres-2027)

			## Nouvelles des membres

			- **Usinage Côté & Fils inc.** a mis en service un centre d'usinage cinq
			  axes dans le parc industriel de Chicoutimi et recrute deux machinistes.
			- **Transport L'Étang–Ouellet ltée** ajoute une liaison quotidienne entre
			  Alma et Québec pour les envois partiels.
			- **Érablière du Lac** a remporté une médaille d'or pour son sirop ambré au
			  concours régional des produits du terroir.

			Vous avez une nouvelle à partager? Envoyez-la-nous avant le 15 janvier pour
			la prochaine infolettre.

			Bonnes fêtes à toutes et à tous, et au plaisir de vous voir le 10 décembre!

			L'équipe de l'association

			""";

	private final Subscribers subscribers;

	private final SubscriberManagement subscriberManagement;

	private final IssueManagement issueManagement;

	private final Clock clock;

	DemoDataLoader(Subscribers subscribers, SubscriberManagement subscriberManagement,
			IssueManagement issueManagement, Clock clock) {
		this.subscribers = subscribers;
		this.subscriberManagement = subscriberManagement;
		this.issueManagement = issueManagement;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.subscribers.count() > 0) {
			return;
		}
		int added = this.subscriberManagement.addAll(DemoMembers.generate(this.clock.instant()));
		Issue draft = this.issueManagement.createDraft(TITLE,
				new IssueContent(SUBJECT, PREHEADER, BODY, "infolettre", "fr"), Audience.allActive());
		log.info("Demo data loaded: {} fictional subscribers and the draft issue \"{}\"", added, draft.getTitle());
	}

}
