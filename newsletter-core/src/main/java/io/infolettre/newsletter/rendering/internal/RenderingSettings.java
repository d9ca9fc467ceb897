package io.infolettre.newsletter.rendering.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * @param dir folder of the newsletter templates, read at run time; templates packaged in the
 * application under {@code newsletter-templates/} serve as the fallback
 * @param renderTimeout how long rendering one message (subject, HTML and text) may take; a
 * template that takes longer fails with a problem instead of holding a thread
 * @param maxPartChars how many characters one part of a message (subject, body, HTML, text) may
 * have; Gmail clips a message past 102 kB, so this only stops templates gone wild
 */
@ConfigurationProperties("newsletter.templates")
record RenderingSettings(Path dir, Duration renderTimeout, Integer maxPartChars) {

	@ConstructorBinding
	RenderingSettings {
		dir = dir == null ? Path.of("templates") : dir;
		renderTimeout = renderTimeout == null ? Duration.ofSeconds(5) : renderTimeout;
		maxPartChars = maxPartChars == null ? 2_000_000 : maxPartChars;
	}

	RenderingSettings(Path dir) {
		this(dir, null, null);
	}

	RenderBudget budget() {
		return new RenderBudget(this.renderTimeout, this.maxPartChars);
	}

}
