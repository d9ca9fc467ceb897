package io.infolettre.newsletter.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dataDir where the embedded database (and anything else kept on disk) lives
 */
@ConfigurationProperties("newsletter")
public record SystemSettings(Path dataDir) {

	public SystemSettings {
		dataDir = dataDir == null ? Path.of("data") : dataDir;
	}

}
