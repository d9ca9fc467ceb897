package io.infolettre.newsletter.delivery;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.infolettre.newsletter.composition.ImageSources;
import io.infolettre.newsletter.composition.IssueMessages;
import io.infolettre.newsletter.composition.RecipientModels;
import io.infolettre.newsletter.delivery.spi.MailGateway;
import io.infolettre.newsletter.delivery.spi.OutgoingMessage;
import io.infolettre.newsletter.delivery.spi.RelayUnavailableException;
import io.infolettre.newsletter.delivery.spi.SendResult;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueManagement;
import io.infolettre.newsletter.rendering.IssueRenderer;
import io.infolettre.newsletter.rendering.RecipientLinks;
import io.infolettre.newsletter.rendering.RecipientModel;
import io.infolettre.newsletter.rendering.SenderIdentity;
import io.infolettre.newsletter.rendering.TemplateProblem;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.tracking.TrackingSettings;

import org.springframework.stereotype.Service;

/**
 * A test of an issue sent to a few addresses before the real send: rendered by the same code, sent
 * through the same relay, from the issue's sender with its reply-to. It is marked as a test (subject
 * « [TEST] », header {@code X-Infolettre-Test: 1}), carries no pixel, no tracked link and no
 * List-Unsubscribe (its reader is on no list, and the preview it could lead to asks for a login), and
 * is written neither to the ledger nor to any report. An address of a known member is personalised
 * as that member; any other address gets the sample member.
 */
@Service
public class TestSends {

	/** The most addresses one test goes to: a test, not a send. */
	public static final int MAX_ADDRESSES = 5;

	private final IssueManagement issues;

	private final IssueRenderer renderer;

	private final ImageSources images;

	private final Subscribers subscribers;

	private final MailGateway gateway;

	private final String previewUrl;

	private final String messageIdDomain;

	TestSends(IssueManagement issues, IssueRenderer renderer, ImageSources images, Subscribers subscribers,
			MailGateway gateway, SenderIdentity identity, TrackingSettings tracking) {
		this.images = images;
		this.issues = issues;
		this.renderer = renderer;
		this.subscribers = subscribers;
		this.gateway = gateway;
		this.previewUrl = tracking.publicUrl().replaceAll("/+$", "") + "/apercu";
		this.messageIdDomain = identity.email().substring(identity.email().indexOf('@') + 1);
	}

	/**
	 * @param language the variant to send ({@code fr}, {@code en}); null: each address's member's
	 * language, French for an unknown address
	 * @return what the relay answered for each address
	 * @throws IllegalArgumentException when there is no address, more than {@link #MAX_ADDRESSES}, or
	 * an invalid one
	 * @throws SendRefusedException when the issue does not render or the relay cannot be reached
	 */
	public List<TestSendResult> send(String issueId, List<String> addresses, String language) {
		List<EmailAddress> to = validate(addresses);
		Issue issue = this.issues.get(issueId);
		IssueMessages messages;
		try {
			messages = IssueMessages.compile(this.renderer, this.images, issue);
		}
		catch (TemplateProblem ex) {
			throw new SendRefusedException("Le gabarit ne peut pas être rendu : " + ex.getMessage(), ex);
		}
		var from = issue.senderOr(this.issues.senders());
		var results = new ArrayList<TestSendResult>();
		try (var connection = this.gateway.connect()) {
			for (EmailAddress address : to) {
				RecipientModel model = model(address, language);
				var rendered = messages.forLanguage(model.language()).render(model);
				String messageId = "<test-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "@"
						+ this.messageIdDomain + ">";
				var message = new OutgoingMessage(messageId, from.name(), from.email(), "", address.value(),
						"[TEST] " + rendered.subject(), rendered.html(), rendered.text(), null, null, issue.getReplyTo(),
						true);
				SendResult result = connection.send(message);
				results.add(result instanceof SendResult.Rejected rejected
						? new TestSendResult(address.value(), false, rejected.code() + " " + rejected.reply())
						: new TestSendResult(address.value(), true, null));
			}
		}
		catch (RelayUnavailableException ex) {
			throw new SendRefusedException("Le relais SMTP est injoignable : " + ex.getMessage(), ex);
		}
		catch (TemplateProblem ex) {
			throw new SendRefusedException("Le gabarit ne peut pas être rendu : " + ex.getMessage(), ex);
		}
		return results;
	}

	private static List<EmailAddress> validate(List<String> addresses) {
		var valid = new LinkedHashSet<EmailAddress>();
		for (String address : addresses == null ? List.<String>of() : addresses) {
			if (address == null || address.isBlank()) {
				continue;
			}
			valid.add(EmailAddress.parse(address)
				.orElseThrow(() -> new IllegalArgumentException("Adresse invalide : « " + address.strip() + " ».")));
		}
		if (valid.isEmpty()) {
			throw new IllegalArgumentException("Indiquez au moins une adresse pour le test.");
		}
		if (valid.size() > MAX_ADDRESSES) {
			throw new IllegalArgumentException("Un test part à " + MAX_ADDRESSES + " adresses au plus.");
		}
		return List.copyOf(valid);
	}

	private RecipientModel model(EmailAddress address, String language) {
		var links = RecipientLinks.untracked(this.previewUrl, this.previewUrl);
		return this.subscribers.findByEmail(address).map(s -> {
			var model = RecipientModels.of(s, links);
			return language == null ? model : withLanguage(model, language);
		}).orElseGet(() -> {
			var sample = RecipientModels.sample(language == null ? "fr" : language);
			return new RecipientModel(address.value(), sample.firstName(), sample.lastName(), sample.company(),
					sample.language(), sample.attributes(), links);
		});
	}

	private static RecipientModel withLanguage(RecipientModel model, String language) {
		return new RecipientModel(model.email(), model.firstName(), model.lastName(), model.company(), language,
				model.attributes(), model.links());
	}

	/** @param reply the relay's refusal, or null when it accepted the message */
	public record TestSendResult(String address, boolean accepted, String reply) {
	}

}
