package io.infolettre.newsletter.rendering.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir folder of the newsletter templates, read at run time; templates packaged in the
 * application under {@code newsletter-templates/} serve as the fallback
 */
@ConfigurationProperties("newsletter.templates")
record RenderingSettings(Path dir) {

	RenderingSettings {
		dir = dir == null ? Path.of("templates") : dir;
	}

}
