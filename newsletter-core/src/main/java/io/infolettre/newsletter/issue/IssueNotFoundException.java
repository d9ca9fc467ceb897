package io.infolettre.newsletter.issue;

public class IssueNotFoundException extends RuntimeException {

	public IssueNotFoundException(String id) {
		super("Numéro introuvable : " + id);
	}

}
