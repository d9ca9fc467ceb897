package io.infolettre.newsletter.subscriber.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.RefusalReason;

/**
 * What an import makes of one row: refused with every problem it has, or taken with its typed values
 * and the warnings of what was left out. The values a choice attribute does not know wait here until
 * they are added to its list or left out.
 */
final class RowVerdict {

	private final long line;

	private EmailAddress email;

	private ImportRow row;

	private final List<RowProblem> problems = new ArrayList<>(2);

	private List<UnknownChoice> unknownChoices = List.of();

	private List<String> warnings = List.of();

	RowVerdict(long line) {
		this.line = line;
	}

	long line() {
		return this.line;
	}

	/** The row's address when it is one, even when the row is refused for something else; or null. */
	EmailAddress email() {
		return this.email;
	}

	void email(EmailAddress address) {
		this.email = address;
	}

	/** The row to write; null when refused. */
	ImportRow row() {
		return this.row;
	}

	void accept(ImportRow checked) {
		if (!isRefused()) {
			this.row = checked;
		}
	}

	boolean isRefused() {
		return !this.problems.isEmpty();
	}

	List<RowProblem> problems() {
		return this.problems;
	}

	List<String> messages() {
		return this.problems.stream().map(RowProblem::message).toList();
	}

	/** Whether one of its problems says the file is not read as it should be (separator, encoding, mapping). */
	boolean isRefusedForForm() {
		return this.problems.stream().anyMatch(problem -> problem.reason().isFormat());
	}

	RowVerdict refuse(RefusalReason reason, String message) {
		problem(reason, message);
		return this;
	}

	void problem(RefusalReason reason, String message) {
		this.problems.add(new RowProblem(reason, message));
		this.row = null;
	}

	/** Runs a check of the row; its problem, if it has one, is the row's. */
	boolean attempt(Runnable check) {
		try {
			check.run();
			return true;
		}
		catch (ImportRowReader.RowRejected ex) {
			problem(ex.reason(), ex.getMessage());
			return false;
		}
	}

	/** Parses a value of the row; its problem, if it has one, is the row's, and the value is {@code failed}. */
	<T> T attempt(Supplier<T> parse, T failed) {
		try {
			return parse.get();
		}
		catch (ImportRowReader.RowRejected ex) {
			problem(ex.reason(), ex.getMessage());
			return failed;
		}
	}

	void unknownChoice(AttributeDefinition attribute, String value) {
		if (this.unknownChoices.isEmpty()) {
			this.unknownChoices = new ArrayList<>(1);
		}
		this.unknownChoices.add(new UnknownChoice(attribute, value));
	}

	List<UnknownChoice> unknownChoices() {
		return this.unknownChoices;
	}

	void warn(String warning) {
		if (this.warnings.isEmpty()) {
			this.warnings = new ArrayList<>(1);
		}
		this.warnings.add(warning);
	}

	List<String> warnings() {
		return this.warnings;
	}

	/** One reason a row is refused for. */
	record RowProblem(RefusalReason reason, String message) {
	}

	/** A value of a choice attribute that is not in its list. */
	record UnknownChoice(AttributeDefinition attribute, String value) {
	}

}
