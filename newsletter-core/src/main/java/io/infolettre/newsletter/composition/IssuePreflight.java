package io.infolettre.newsletter.composition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.infolettre.newsletter.composition.internal.ImageProbe;
import io.infolettre.newsletter.composition.internal.RenderedMessageChecks;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.rendering.Blocks;
import io.infolettre.newsletter.rendering.IssueRenderer;
import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.segment.RecipientSource;
import io.infolettre.newsletter.subscriber.Subscriber;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.tracking.TrackingSettings;

import org.springframework.stereotype.Service;

/**
 * The checklist before an issue is scheduled or sent: CASL's sender identity and mailing address,
 * a subject in each variant, the issue renders for real members of its audience in each language,
 * an unsubscribe link, well-formed links, image alt texts, images that load and do not weigh too
 * much, a size Gmail does not clip, variants of a like number of blocks, and cheap spam warnings.
 * Items that fail stop the send (scheduling refuses it); warnings do not.
 */
@Service
public class IssuePreflight {

	/** Real members of the audience the issue is rendered for, besides the sample member. */
	static final int SAMPLE_SIZE = 20;

	private static final String PLACEHOLDER_ADDRESS = "à configurer";

	private final IssueManagement issues;

	private final IssueRenderer renderer;

	private final ImageSources images;

	private final IssueImageChecks imageChecks;

	private final RecipientSource recipients;

	private final Subscribers subscribers;

	private final SenderIdentity identity;

	private final String unsubscribeMarker;

	IssuePreflight(IssueManagement issues, IssueRenderer renderer, ImageSources images, ImageProbe probe,
			RecipientSource recipients, Subscribers subscribers, SenderIdentity identity, TrackingSettings tracking) {
		this.images = images;
		this.imageChecks = new IssueImageChecks(images, probe);
		this.issues = issues;
		this.renderer = renderer;
		this.recipients = recipients;
		this.subscribers = subscribers;
		this.identity = identity;
		this.unsubscribeMarker = tracking.publicUrl().replaceAll("/+$", "") + "/u/verification";
	}

	public PreflightReport check(String issueId) {
		return check(this.issues.get(issueId));
	}

	public PreflightReport check(Issue issue) {
		var checks = new ArrayList<PreflightCheck>();
		checks.add(sender(issue));
		for (String language : issue.languages()) {
			checks.add(issue.variant(language).subject().isBlank()
					? PreflightCheck.fail("subject", language, "L'objet est vide.")
					: PreflightCheck.pass("subject", language, "Objet présent."));
		}
		IssueMessages messages;
		try {
			messages = IssueMessages.compile(this.renderer, this.images, issue);
		}
		catch (TemplateProblem ex) {
			checks.add(PreflightCheck.fail("render", null, "Le gabarit ne peut pas être rendu : " + ex.getMessage()));
			return new PreflightReport(checks);
		}
		checks.add(renderForMembers(issue, messages));
		var rendered = new LinkedHashMap<String, RenderedMessage>();
		for (String language : issue.languages()) {
			checks.addAll(content(messages, language, rendered));
		}
		checks.addAll(this.imageChecks.check(issue, rendered));
		if (issue.getEnglish() != null && issue.languages().contains("en")) {
			checks.add(blockCount(issue));
		}
		return new PreflightReport(checks);
	}

	private PreflightCheck sender(Issue issue) {
		var allowed = this.issues.senders();
		var from = issue.senderOr(allowed);
		if (!allowed.allows(from)) {
			return PreflightCheck.fail("sender", null,
					"L'expéditeur " + from.label() + " ne fait plus partie des expéditeurs configurés.");
		}
		if (this.identity.organisation().isBlank() || this.identity.mailingAddressLines().isEmpty()
				|| this.identity.mailingAddress().toLowerCase(Locale.ROOT).contains(PLACEHOLDER_ADDRESS)) {
			return PreflightCheck.fail("sender", null,
					"Nom de l'organisation ou adresse postale manquant (LCAP) : configurez newsletter.sender.organisation et .mailing-address.");
		}
		return PreflightCheck.pass("sender", null, from.label() + " ; " + this.identity.organisation() + ", "
				+ String.join(", ", this.identity.mailingAddressLines()) + ".");
	}

	// every variant for the sample member, and up to SAMPLE_SIZE members of the audience in theirs
	private PreflightCheck renderForMembers(Issue issue, IssueMessages messages) {
		List<Subscriber> members = sampleOfAudience(issue);
		for (Subscriber member : members) {
			try {
				messages.forLanguage(member.getLanguage())
					.render(RecipientModels.of(member, RecipientLinks.untracked(this.unsubscribeMarker, this.unsubscribeMarker)));
			}
			catch (TemplateProblem ex) {
				return PreflightCheck.fail("render", issue.languageOf(member.getLanguage()),
						"Rendu impossible pour " + member.getEmail().value() + " : " + ex.getMessage());
			}
		}
		return PreflightCheck.pass("render", null, "Rendu vérifié pour le membre fictif et " + members.size()
				+ " membre(s) de l'audience, en " + String.join(" et ", issue.languages()) + ".");
	}

	private List<Subscriber> sampleOfAudience(Issue issue) {
		var ids = new ArrayList<String>();
		try {
			this.recipients.forEachBatch(issue.getAudience(), SAMPLE_SIZE, batch -> {
				ids.addAll(batch);
				throw new SampleTaken();
			});
		}
		catch (SampleTaken ex) {
			// the first batch is the sample: the rest of the audience is not read
		}
		return this.subscribers.findAllById(ids);
	}

	/** The English variant is usually the French one translated: a different number of blocks is worth a look. */
	private static PreflightCheck blockCount(Issue issue) {
		int french = Blocks.count(issue.french().blocks());
		int english = Blocks.count(issue.getEnglish().blocks());
		return french == english
				? PreflightCheck.pass("blockCount", "en", "Autant de blocs dans les versions française et anglaise (" + french + ").")
				: PreflightCheck.warn("blockCount", "en", "La version anglaise a " + english + " bloc(s), la française "
						+ french + " : vérifiez qu'il ne manque rien à l'une d'elles.");
	}

	private List<PreflightCheck> content(IssueMessages messages, String language,
			Map<String, RenderedMessage> renderedByLanguage) {
		RecipientModel sample = RecipientModels.sample(language);
		RenderedMessage rendered;
		try {
			rendered = messages.forLanguage(language)
				.render(new RecipientModel(sample.email(), sample.firstName(), sample.lastName(), sample.company(),
						language, sample.attributes(),
						RecipientLinks.untracked(this.unsubscribeMarker, this.unsubscribeMarker + "/preferences")));
		}
		catch (TemplateProblem ex) {
			return List.of(PreflightCheck.fail("render", language, "Rendu impossible : " + ex.getMessage()));
		}
		renderedByLanguage.put(language, rendered);
		var found = new RenderedMessageChecks(rendered);
		var checks = new ArrayList<PreflightCheck>();
		checks.add(found.hasUnsubscribeLink(this.unsubscribeMarker)
				? PreflightCheck.pass("unsubscribe", language, "Lien de désabonnement présent (HTML et texte).")
				: PreflightCheck.fail("unsubscribe", language,
						"Le message n'a pas de lien de désabonnement (${unsubscribeUrl}) dans le HTML et le texte."));
		List<String> bad = found.badLinks();
		checks.add(bad.isEmpty() ? PreflightCheck.pass("links", language, "Liens absolus et bien formés.")
				: PreflightCheck.fail("links", language,
						bad.size() + " lien(s) invalide(s) ou relatif(s) : " + String.join(", ", bad.subList(0, Math.min(3, bad.size())))));
		List<String> noAlt = found.imagesWithoutAlt();
		checks.add(noAlt.isEmpty() ? PreflightCheck.pass("images", language, "Chaque image a un texte de remplacement.")
				: PreflightCheck.fail("images", language, noAlt.size() + " image(s) sans texte de remplacement (alt) : "
						+ String.join(", ", noAlt.subList(0, Math.min(3, noAlt.size())))
						+ ". Décrivez chaque image pour qui ne la voit pas."));
		int bytes = found.htmlBytes();
		String size = Math.round(bytes / 1024.0) + " Ko de HTML";
		checks.add(bytes > RenderedMessageChecks.GMAIL_CLIP_BYTES
				? PreflightCheck.fail("size", language, size + " : Gmail coupe le message au-delà de 102 Ko (pied de page et désabonnement cachés).")
				: bytes > RenderedMessageChecks.GMAIL_CLIP_BYTES * 8 / 10
						? PreflightCheck.warn("size", language, size + " : proche de la limite de 102 Ko de Gmail (les liens suivis allongent le message).")
						: PreflightCheck.pass("size", language, size + ", sous la limite de 102 Ko de Gmail."));
		List<String> spam = found.subjectWarnings();
		checks.add(spam.isEmpty() ? PreflightCheck.pass("spam", language, "Aucun signe de pourriel dans l'objet.")
				: PreflightCheck.warn("spam", language, "Risque de pourriel : " + String.join(", ", spam) + "."));
		checks.add(found.hasText() ? PreflightCheck.pass("text", language, "Version texte présente.")
				: PreflightCheck.warn("text", language, "Pas de version texte : les filtres anti-pourriel s'en méfient."));
		return checks;
	}

	private static final class SampleTaken extends RuntimeException {

		SampleTaken() {
			super(null, null, false, false);
		}

	}

}
