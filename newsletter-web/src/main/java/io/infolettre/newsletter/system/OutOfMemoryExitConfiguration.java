package io.infolettre.newsletter.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** Puts {@link OutOfMemoryExit} in front of logging once Spring Boot has set logging up. */
@Configuration(proxyBeanMethods = false)
class OutOfMemoryExitConfiguration {

	private static final Logger log = LoggerFactory.getLogger(OutOfMemoryExitConfiguration.class);

	OutOfMemoryExitConfiguration() {
		OutOfMemoryExit.onLoggedErrors();
	}

	@EventListener(ApplicationStartedEvent.class)
	void warnWithoutTheJvmFlag() {
		if (!OutOfMemoryExit.jvmExitsByItself()) {
			log.warn("Started without -XX:+ExitOnOutOfMemoryError: an out-of-memory error is caught only where it is "
					+ "logged or ends a thread. Start with java -XX:+ExitOnOutOfMemoryError -jar … (see README).");
		}
	}

}
