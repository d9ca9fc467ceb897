package io.infolettre.newsletter;

import java.time.Clock;

import io.infolettre.newsletter.system.OutOfMemoryExit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Infolettre: compose, schedule, send and measure a newsletter. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NewsletterApplication {

	public static void main(String[] args) {
		OutOfMemoryExit.onUncaughtErrors();
		SpringApplication.run(NewsletterApplication.class, args);
	}

	/** Every module reads time from here, so tests can move it. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
