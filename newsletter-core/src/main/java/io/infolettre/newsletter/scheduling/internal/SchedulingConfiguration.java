package io.infolettre.newsletter.scheduling.internal;

import io.infolettre.newsletter.scheduling.SchedulingSettings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulingSettings.class)
class SchedulingConfiguration {

}
