package io.infolettre.newsletter.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, with the embedded MongoDB-wire server (a real server
 * process on a random port, data in a fresh folder) and GreenMail as a real SMTP relay. Test classes
 * share one context; each test isolates its data with its own list and addresses.
 */
@NewsletterIntegrationTest
public abstract class AbstractIntegrationTests {

	public static final String ADMIN = NewsletterIntegrationTest.ADMIN;

	public static final String PASSWORD = NewsletterIntegrationTest.PASSWORD;

	private static final Path DATA_DIR = createDataDir();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void runtimeProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.port", TestMailServer::port);
		registry.add("newsletter.data-dir", DATA_DIR::toString);
		// uploads wait in a folder of this run's, not in the machine's shared temporary one
		registry.add("newsletter.imports.dir", () -> DATA_DIR.resolve("imports").toString());
	}

	protected TestHttp http() {
		return new TestHttp(this.port);
	}

	public static Path createDataDir() {
		try {
			return Files.createTempDirectory("newsletter-test-data");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
