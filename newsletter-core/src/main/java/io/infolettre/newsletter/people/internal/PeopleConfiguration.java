package io.infolettre.newsletter.people.internal;

import io.infolettre.newsletter.people.InitialTeamSettings;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InitialTeamSettings.class)
class PeopleConfiguration {

}
