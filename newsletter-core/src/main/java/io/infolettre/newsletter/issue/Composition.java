package io.infolettre.newsletter.issue;

import java.util.LinkedHashSet;
import java.util.List;

import io.infolettre.newsletter.rendering.Blocks;

import io.infolettre.newsletter.subscriber.EmailAddress;

import org.springframework.data.annotation.PersistenceCreator;

/**
 * What an issue says and from whom: the French variant with the template that lays it out, the
 * English variant if any, the sender, where replies go, and whether the public archive shows it.
 * Each edit makes a new one; the issue stores its fields as its own ({@code content}, {@code english},
 * {@code sender}…), as before it had this name.
 */
final class Composition {

	/** The French variant (the one everyone without another variant reads) and the template. */
	private IssueContent content;

	/** The English variant; {@code null} when the issue has none. */
	private IssueVariant english;

	/** {@code null} in documents older than the choice of sender: the default sender. */
	private IssueSender sender;

	private String replyTo;

	/** Left out of the public archive; stored negated so that older documents are in it. */
	private boolean archiveExcluded;

	@PersistenceCreator
	private Composition() {
	}

	/** The content alone, as issues were written before variants and senders. */
	Composition(IssueContent content) {
		this.content = content;
	}

	/**
	 * The editable parts of {@code edit} but its title, checked.
	 * @throws IllegalArgumentException when the template is no template name, the sender is not
	 * allowed or the reply-to is no address
	 */
	static Composition of(IssueEdit edit, AllowedSenders senders) {
		if (edit.template() == null || !edit.template().matches("[A-Za-z0-9_-]+")) {
			throw new IllegalArgumentException("Gabarit invalide : « " + edit.template() + " ».");
		}
		IssueSender from = edit.sender() == null ? senders.defaultSender() : edit.sender();
		if (!senders.allows(from)) {
			throw new IllegalArgumentException("Expéditeur non autorisé : " + from.label()
					+ ". Choisissez l'un des expéditeurs configurés (newsletter.senders).");
		}
		var composition = new Composition();
		if (edit.replyTo() != null) {
			// a parsed address never holds CR or LF: nothing typed here can reach another header
			composition.replyTo = EmailAddress.parse(edit.replyTo())
				.orElseThrow(() -> new IllegalArgumentException(
						"Adresse de réponse invalide : « " + edit.replyTo().replaceAll("[\\r\\n]", " ") + " »."))
				.value();
		}
		var french = edit.french();
		composition.content = new IssueContent(french.subject(), french.preheader(), french.body(), edit.template(),
				"fr", french.blocks());
		composition.english = edit.english();
		composition.sender = from;
		composition.archiveExcluded = !edit.archived();
		return composition;
	}

	/** The same with another French variant and template (variants, sender and the rest kept). */
	Composition withContent(IssueContent content) {
		var changed = new Composition(content);
		changed.english = this.english;
		changed.sender = this.sender;
		changed.replyTo = this.replyTo;
		changed.archiveExcluded = this.archiveExcluded;
		return changed;
	}

	/** As an edit under {@code title}. */
	IssueEdit asEdit(String title) {
		return new IssueEdit(title, this.content.template(), french(), this.english, this.sender, this.replyTo,
				!this.archiveExcluded);
	}

	IssueVariant french() {
		return this.content.variant();
	}

	IssueVariant variant(String language) {
		return "en".equalsIgnoreCase(language) && this.english != null ? this.english : french();
	}

	String languageOf(String language) {
		return "en".equalsIgnoreCase(language) && this.english != null ? "en" : mainLanguage();
	}

	List<String> languages() {
		return this.english == null || mainLanguage().equals("en") ? List.of(mainLanguage()) : List.of("fr", "en");
	}

	// older documents could be written in English alone
	private String mainLanguage() {
		return this.content.language();
	}

	/** The media library images both variants show, each once. */
	List<String> mediaIds() {
		var ids = new LinkedHashSet<>(Blocks.mediaIds(this.content.blocks()));
		if (this.english != null) {
			ids.addAll(Blocks.mediaIds(this.english.blocks()));
		}
		return List.copyOf(ids);
	}

	IssueSender senderOr(AllowedSenders senders) {
		return this.sender == null ? senders.defaultSender() : this.sender;
	}

	IssueContent content() {
		return this.content;
	}

	IssueVariant english() {
		return this.english;
	}

	IssueSender sender() {
		return this.sender;
	}

	String replyTo() {
		return this.replyTo;
	}

	boolean isArchived() {
		return !this.archiveExcluded;
	}

}
