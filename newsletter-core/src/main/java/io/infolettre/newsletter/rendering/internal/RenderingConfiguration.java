package io.infolettre.newsletter.rendering.internal;

import io.infolettre.newsletter.rendering.SenderIdentity;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RenderingSettings.class, SenderIdentity.class, BrandingSettings.class })
class RenderingConfiguration {

}
