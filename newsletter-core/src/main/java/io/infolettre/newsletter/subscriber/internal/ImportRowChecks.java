package io.infolettre.newsletter.subscriber.internal;

import java.util.Optional;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.RefusalReason;
import io.infolettre.newsletter.subscriber.SubscriberImportOptions;

/**
 * The checks of each row of a file, in order: the row's own ({@link ImportRowReader}), then an
 * address met earlier in the file, then the choice values its attributes lack, added to their lists
 * or left out as the coordinator chose. In a preview nothing is added: the row says what will be.
 */
final class ImportRowChecks {

	private final ImportRowReader reader;

	private final SubscriberImportOptions options;

	private final ChoiceAdditions additions;

	private final LongLongMap seen = new LongLongMap();

	/** @param additions where new choice values go; null for a preview */
	ImportRowChecks(ImportRowReader reader, SubscriberImportOptions options, ChoiceAdditions additions) {
		this.reader = reader;
		this.options = options;
		this.additions = additions;
	}

	RowVerdict check(CsvFiles.Row row) {
		RowVerdict verdict = this.reader.read(row);
		EmailAddress email = verdict.email();
		if (email != null) {
			// only a row that is taken makes a later one with its address a duplicate
			long hash = LongLongMap.hash(email.value());
			long first = verdict.isRefused() ? this.seen.get(hash) : this.seen.putIfAbsent(hash, row.line());
			if (first >= 0) {
				verdict.problem(RefusalReason.DUPLICATE_IN_FILE,
						"adresse en double dans le fichier (déjà à la ligne " + first + ")");
			}
		}
		if (!verdict.isRefused()) {
			verdict.unknownChoices().forEach(unknown -> choose(verdict, unknown.attribute(), unknown.value()));
		}
		return verdict;
	}

	private void choose(RowVerdict verdict, AttributeDefinition attribute, String value) {
		String quoted = "« " + value + " »";
		if (!this.options.addsUnknownChoices(attribute.name())) {
			verdict.warn(quoted + " n’est pas un choix de « " + attribute.label() + " » : ligne importée sans cette valeur");
			return;
		}
		if (this.additions == null) {
			verdict.warn(quoted + " sera ajouté aux choix de « " + attribute.label() + " »");
			return;
		}
		Optional<String> added = this.additions.add(attribute, value);
		if (added.isPresent()) {
			verdict.row().attributes().put(attribute.name(), added.get());
		}
		else {
			verdict.warn(quoted + " : ce fichier a déjà ajouté " + ChoiceAdditions.MOST_PER_ATTRIBUTE
					+ " valeurs aux choix de « " + attribute.label() + " » ; ligne importée sans cette valeur");
		}
	}

}
