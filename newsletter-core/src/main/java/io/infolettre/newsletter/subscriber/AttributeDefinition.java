package io.infolettre.newsletter.subscriber;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An attribute subscribers may carry (sector, territory, role, or one the coordinator defines), with
 * its type and, for a choice, the allowed values.
 *
 * @param name the key stored under {@code attributes.<name>}: letters, digits, {@code _} and {@code -}
 * @param label what the coordinator reads
 * @param type how values are parsed and compared
 * @param choices the allowed values of a {@link AttributeType#CHOICE}; empty otherwise
 * @param builtIn shipped with the application; it can be relabelled but not removed
 */
public record AttributeDefinition(String name, String label, AttributeType type, List<String> choices,
		boolean builtIn) {

	private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L}\\p{N}_-]{0,39}");

	public AttributeDefinition {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Nom d’attribut invalide : lettres, chiffres, _ ou -, 40 au plus");
		}
		if (type == null) {
			throw new IllegalArgumentException("Un attribut a un type");
		}
		choices = choices == null ? List.of() : List.copyOf(choices);
		if (type == AttributeType.CHOICE && choices.isEmpty()) {
			throw new IllegalArgumentException("Un attribut à choix a au moins une valeur permise");
		}
		label = label == null || label.isBlank() ? name : label.strip();
	}

	public static AttributeDefinition of(String name, String label, AttributeType type, String... choices) {
		return new AttributeDefinition(name, label, type, List.of(choices), false);
	}

	/**
	 * The stored value for a raw one; empty when blank.
	 * @throws IllegalArgumentException naming the attribute and what was expected
	 */
	public Optional<Object> parse(String raw) {
		try {
			return this.type.parse(raw, this.choices);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(this.label + " : " + ex.getMessage(), ex);
		}
	}

}
