package io.infolettre.newsletter.system;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The REST API.
 *
 * @param maxBodySize the largest body a request may send other than a file upload (JSON, a bounce
 * message); file uploads are bounded by {@code spring.servlet.multipart.max-request-size}
 */
@ConfigurationProperties("newsletter.api")
record ApiSettings(DataSize maxBodySize) {

	ApiSettings {
		maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(20) : maxBodySize;
	}

}
