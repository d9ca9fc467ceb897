package io.infolettre.newsletter.system;

import java.io.PrintStream;

import io.infolettre.newsletter.system.internal.AdminAccounts;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator when there is none, before the web server takes requests, and
 * tells the newcomer where the platform is and how to log in once it is ready. A generated password
 * is printed to the console once, never to the log.
 */
@Component
class FirstStart implements SmartInitializingSingleton {

	private final AdminAccounts accounts;

	private final AdminSettings settings;

	private final Environment environment;

	private final PrintStream console;

	FirstStart(AdminAccounts accounts, AdminSettings settings, Environment environment) {
		this.accounts = accounts;
		this.settings = settings;
		this.environment = environment;
		this.console = System.out;
	}

	private String loginHint = "avec un compte administrateur existant";

	@Override
	public void afterSingletonsInstantiated() {
		if (this.accounts.anyExists()) {
			return;
		}
		boolean generated = this.settings.password() == null || this.settings.password().isBlank();
		String password = generated ? AdminAccounts.generatePassword() : this.settings.password();
		if (this.accounts.create(this.settings.username(), password)) {
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

}
