package io.infolettre.newsletter.subscriber;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A normalised e-mail address: trimmed, lower case, domain in its ASCII (punycode) form so that
 * internationalised domains compare equal however they were typed. Never contains CR or LF, so it
 * is safe in a mail header.
 */
public record EmailAddress(String value) {

	// RFC 5322 dot-atom local part; the domain is checked label by label after IDN conversion.
	private static final Pattern LOCAL_PART = Pattern
		.compile("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$");

	private static final Pattern DOMAIN_LABEL = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

	public EmailAddress {
		if (normalise(value).filter(v -> v.equals(value)).isEmpty()) {
			throw new InvalidEmailAddressException(value);
		}
	}

	/** Parses and normalises user input; empty when the input is not a valid address. */
	public static Optional<EmailAddress> parse(String input) {
		return normalise(input).map(EmailAddress::new);
	}

	public static EmailAddress of(String input) {
		return parse(input).orElseThrow(() -> new InvalidEmailAddressException(input));
	}

	private static Optional<String> normalise(String input) {
		if (input == null) {
			return Optional.empty();
		}
		String trimmed = input.strip();
		int at = trimmed.lastIndexOf('@');
		if (at <= 0 || at == trimmed.length() - 1 || trimmed.length() > 254) {
			return Optional.empty();
		}
		String local = trimmed.substring(0, at);
		if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
			return Optional.empty();
		}
		String domain = trimmed.substring(at + 1);
		if (!isAscii(domain)) {
			// an ASCII domain is its own ASCII form: the label checks below are the ones IDN makes of it
			try {
				domain = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
		}
		domain = domain.toLowerCase(Locale.ROOT);
		String[] labels = domain.split("\\.", -1);
		if (labels.length < 2 || labels[labels.length - 1].length() < 2) {
			return Optional.empty();
		}
		for (String label : labels) {
			if (!DOMAIN_LABEL.matcher(label).matches()) {
				return Optional.empty();
			}
		}
		return Optional.of(local.toLowerCase(Locale.ROOT) + "@" + domain);
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
