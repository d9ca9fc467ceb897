package io.infolettre.newsletter.system;

import java.io.PrintStream;

import java.security.SecureRandom;

import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Role;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator when there is none, before the web server takes requests, and
 * tells the newcomer where the platform is and how to log in once it is ready. A generated password
 * is printed to the console once, never to the log.
 */
@Component
class FirstStart implements SmartInitializingSingleton {

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final People people;

	private final PasswordEncoder passwords;

	private final AdminSettings settings;

	private final Environment environment;

	private final PrintStream console;

	FirstStart(People people, PasswordEncoder passwords, AdminSettings settings, Environment environment) {
		this.people = people;
		this.passwords = passwords;
		this.settings = settings;
		this.environment = environment;
		this.console = System.out;
	}

	private String loginHint = "avec un compte administrateur existant";

	@Override
	public void afterSingletonsInstantiated() {
		if (this.people.any()) {
			return;
		}
		boolean generated = this.settings.password() == null || this.settings.password().isBlank();
		String password = generated ? generatePassword() : this.settings.password();
		if (this.people.createActive(this.settings.username(), null, null, Role.ADMIN, this.passwords.encode(password))
			.isPresent()) {
			this.loginHint = generated ? "utilisateur « " + this.settings.username() + " », mot de passe « "
					+ password + " » (généré, affiché une seule fois)"
					: "utilisateur « " + this.settings.username() + " » avec le mot de passe configuré";
		}
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		int port = event.getApplicationContext() instanceof WebServerApplicationContext web
				? web.getWebServer().getPort() : this.environment.getProperty("server.port", Integer.class, 8080);
		this.console.printf("%n  Infolettre est prête : http://localhost:%d/admin%n  Connexion : %s%n%n", port,
				this.loginHint);
	}

	static String generatePassword() {
		var random = new SecureRandom();
		var password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
