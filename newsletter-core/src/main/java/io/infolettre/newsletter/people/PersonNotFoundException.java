package io.infolettre.newsletter.people;

/** No person of the team has this id. */
public class PersonNotFoundException extends RuntimeException {

	public PersonNotFoundException(String id) {
		super("Aucune personne de l’équipe n’a l’identifiant « " + id + " ».");
	}

}
