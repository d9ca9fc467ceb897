package io.infolettre.newsletter.subscriber;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The type of a subscriber attribute, and how a value typed by a person or read from a CSV file
 * becomes a stored value. Stored values keep their type in MongoDB (numbers as numbers, booleans as
 * booleans) so that segment rules compare them as such; dates are stored as ISO strings
 * ({@code 2024-03-15}), which compare in date order.
 */
public enum AttributeType {

	TEXT, NUMBER, DATE, BOOLEAN, CHOICE;

	private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"));

	/**
	 * The stored value for {@code raw}; empty for a blank value (the attribute is left unset).
	 * @throws IllegalArgumentException with a message a coordinator understands (in French)
	 */
	public Optional<Object> parse(String raw, List<String> choices) {
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		String value = raw.strip();
		return Optional.of(switch (this) {
			case TEXT -> value;
			case NUMBER -> number(value);
			case DATE -> date(value);
			case BOOLEAN -> bool(value);
			case CHOICE -> choice(value, choices);
		});
	}

	private static Object number(String value) {
		try {
			// a French spreadsheet writes 1 234,5
			BigDecimal number = new BigDecimal(value.replace('\u00a0', ' ').replace(" ", "").replace(',', '.'));
			return number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValueExact()
					: (Object) number.doubleValue();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			throw new IllegalArgumentException("nombre attendu : « " + value + " »");
		}
	}

	private static String date(String value) {
		for (DateTimeFormatter format : DATE_FORMATS) {
			try {
				return LocalDate.parse(value, format).toString();
			}
			catch (DateTimeParseException ex) {
				// try the next format
			}
		}
		throw new IllegalArgumentException("date attendue (AAAA-MM-JJ) : « " + value + " »");
	}

	private static Boolean bool(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "oui", "o", "vrai", "yes", "y", "true", "1" -> true;
			case "non", "n", "faux", "no", "false", "0" -> false;
			default -> throw new IllegalArgumentException("oui ou non attendu : « " + value + " »");
		};
	}

	private static String choice(String value, List<String> choices) {
		return choices.stream()
			.filter(choice -> choice.equalsIgnoreCase(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("valeur inconnue : « " + value + " »"));
	}

}
