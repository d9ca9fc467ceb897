package io.infolettre.newsletter.issue;

/** Who an issue comes from (the From header): one of the configured {@link AllowedSenders}. */
public record IssueSender(String name, String email) {

	/** As a coordinator picks it in a list: {@code Name <email>}. */
	public String label() {
		return this.name + " <" + this.email + ">";
	}

}
