package io.infolettre.newsletter.people;

/**
 * Why the {@link PasswordPolicy} refuses a password. The web module has each one's text in French
 * and English ({@code password.weakness.*}); {@link #reason()} is the French one, for the API.
 */
public enum PasswordWeakness {

	TOO_SHORT("Il doit compter au moins " + PasswordPolicy.MINIMUM_LENGTH + " caractères."),

	TOO_LONG("Il est trop long : " + PasswordPolicy.MAXIMUM_BYTES + " octets au plus (" + PasswordPolicy.MAXIMUM_BYTES
			+ " caractères sans accents)."),

	COMMON("Il fait partie des mots de passe les plus répandus, que l’on essaie en premier."),

	COMMON_WITH_ADDITIONS("C’est un mot de passe très répandu, à peine allongé de chiffres ou de symboles."),

	TOO_FEW_DIFFERENT_CHARACTERS("Il répète trop peu de caractères différents."),

	CONTAINS_LOGIN("Il contient votre identifiant ou votre adresse courriel."),

	CONTAINS_NAME("Il contient votre nom.");

	private final String reason;

	PasswordWeakness(String reason) {
		this.reason = reason;
	}

	public String reason() {
		return this.reason;
	}

}
