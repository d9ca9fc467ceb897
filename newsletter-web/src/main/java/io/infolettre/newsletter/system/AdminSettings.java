package io.infolettre.newsletter.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created on first start when no account exists. Without a password, one
 * is generated and shown once on the console.
 */
@ConfigurationProperties("newsletter.admin")
record AdminSettings(String username, String password) {

	AdminSettings {
		username = username == null || username.isBlank() ? "admin" : username.strip();
	}

	@Override
	public String toString() {
		return "AdminSettings[username=" + this.username + ", password=***]";
	}

}
