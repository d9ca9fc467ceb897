package io.infolettre.newsletter.support;

import io.infolettre.newsletter.indexcontract.RecordedCommands;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Every application the web tests start ({@link NewsletterIntegrationTest}'s context, the browser tests'
 * own, and those {@code RestartIntegrationTests} and {@code TwoInstancesIntegrationTests} start themselves)
 * reports its MongoDB commands to the index contract ({@code indexcontract.IndexContract}). An
 * auto-configuration listed in the test resources reaches them all; the application's jar never carries it.
 */
@AutoConfiguration
class IndexContractAutoConfiguration {

	@Bean
	MongoClientSettingsBuilderCustomizer indexContractCommandListener() {
		return settings -> settings.addCommandListener(RecordedCommands.listener());
	}

}
