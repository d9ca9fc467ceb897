package io.infolettre.newsletter.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port with the embedded MongoDB-wire server (a real server
 * process on a random port) and a real SMTP relay at {@code 127.0.0.1:${spring.mail.port}}, which
 * the test class registers along with a fresh {@code newsletter.data-dir}. Its MongoDB queries are
 * checked by the index contract ({@link IndexContractAutoConfiguration}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newsletter.demo.enabled=false", "newsletter.admin.username=" + NewsletterIntegrationTest.ADMIN,
				"newsletter.admin.password=" + NewsletterIntegrationTest.PASSWORD, "spring.mail.host=127.0.0.1",
				"newsletter.delivery.connect-timeout=2s", "newsletter.delivery.read-timeout=5s",
				"newsletter.delivery.reconnect.backoff=50ms", "newsletter.delivery.retry.backoff=100ms",
				"newsletter.delivery.retry.multiplier=1",
				// two allowed senders: an issue may choose the second one
				"newsletter.senders[0].name=Infolettre des membres", "newsletter.senders[0].email=infolettre@exemple.ca",
				"newsletter.senders[1].name=Présidence de l'association", "newsletter.senders[1].email=presidence@exemple.ca",
				// tests open their messages the moment they arrive, which a real reader never does
				"newsletter.tracking.scanner-window=0s",
				// an import keeps 500 refused rows here rather than 10,000: the cap is tested with small files
				"newsletter.imports.rows-kept=500" })
public @interface NewsletterIntegrationTest {

	String ADMIN = "admin";

	String PASSWORD = "test-password";

}
