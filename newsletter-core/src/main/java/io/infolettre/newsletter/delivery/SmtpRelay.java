package io.infolettre.newsletter.delivery;

import java.util.Map;

/**
 * The SMTP server the engine sends through: a real relay from {@code spring.mail.*}, or the embedded
 * development server.
 */
public record SmtpRelay(String host, int port, String username, String password, boolean startTls,
		Map<String, String> properties) {

	public SmtpRelay {
		properties = properties == null ? Map.of() : Map.copyOf(properties);
	}

	@Override
	public String toString() {
		return "SmtpRelay[" + this.host + ":" + this.port + (this.username == null ? "" : ", user=" + this.username)
				+ "]";
	}

}
