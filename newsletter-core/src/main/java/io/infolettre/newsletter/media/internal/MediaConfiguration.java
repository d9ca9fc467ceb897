package io.infolettre.newsletter.media.internal;

import javax.imageio.ImageIO;

import io.infolettre.newsletter.media.MediaSettings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The media library's settings, and ImageIO's plugins: the registry is filled once per class loader
 * when first used, which in a packaged application may be a class loader that does not see the
 * application's libraries; scanning again here makes TwelveMonkeys' JPEG and WebP readers known, and
 * a start without them fails at once rather than at the first upload.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaSettings.class)
class MediaConfiguration {

	MediaConfiguration() {
		ImageIO.scanForPlugins();
		for (ImageFormat format : ImageFormat.values()) {
			ImageDecoding.reader(format).dispose();
		}
		if (!ImageDecoding.isTwelveMonkeys(ImageDecoding.reader(ImageFormat.JPEG))) {
			throw new IllegalStateException("TwelveMonkeys' JPEG reader is not registered with ImageIO");
		}
	}

}
