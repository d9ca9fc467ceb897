package io.infolettre.newsletter.api;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Set;

import io.infolettre.newsletter.subscriber.Consent;
import io.infolettre.newsletter.subscriber.ImportMode;
import io.infolettre.newsletter.subscriber.SubscriberImportOptions;

/**
 * The options of an import, as the API receives them next to the file. Everything is optional: the
 * encoding and the separator are detected, the mapping guessed from the headers, the mode adds new
 * addresses only, and the consent is implied by membership.
 *
 * @param mapping a target per column: email, firstName, lastName, company, language, lists, tags,
 * consentType, consentDate, attr:&lt;name&gt; or ignore
 * @param encoding UTF-8 or windows-1252
 * @param separator ";" or ","
 * @param leaveOutUnknownChoices the choice attributes whose values not in their list are left out of
 * the rows (each row imported with a warning); by default they are added to the list
 */
record ImportRequest(List<String> mapping, ImportMode mode, Set<String> lists, Set<String> tags, String encoding,
		String separator, Consent.Type consentType, Boolean consentRequired, Set<String> leaveOutUnknownChoices) {

	SubscriberImportOptions toOptions(String fileName, List<String> guessedMapping) {
		return new SubscriberImportOptions(fileName, charset(), separatorChar(),
				this.mapping == null || this.mapping.isEmpty() ? guessedMapping : this.mapping, this.mode, this.lists,
				this.tags, this.consentType, Boolean.TRUE.equals(this.consentRequired), this.leaveOutUnknownChoices);
	}

	Charset charset() {
		if (this.encoding == null || this.encoding.isBlank()) {
			return null;
		}
		try {
			return Charset.forName(this.encoding.strip());
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			throw new IllegalArgumentException("Encodage inconnu : « " + this.encoding + " » (UTF-8 ou windows-1252)");
		}
	}

	Character separatorChar() {
		if (this.separator == null || this.separator.isEmpty()) {
			return null;
		}
		if (this.separator.length() != 1) {
			throw new IllegalArgumentException("Séparateur : « ; » ou « , »");
		}
		return this.separator.charAt(0);
	}

	static ImportRequest defaults() {
		return new ImportRequest(null, null, null, null, null, null, null, null, null);
	}

}
