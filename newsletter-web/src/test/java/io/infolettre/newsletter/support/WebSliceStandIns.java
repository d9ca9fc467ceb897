package io.infolettre.newsletter.support;

import io.infolettre.newsletter.issue.Issues;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The services the controllers of a web slice need to exist, as hand-written stand-ins: the tests
 * are about how HTTP input is read, checked and refused, not about the services (the integration
 * tests run those for real). The admin pages' advice needs the segments whatever the controller.
 */
@TestConfiguration(proxyBeanMethods = false)
class WebSliceStandIns {

	@Bean
	InMemorySegments segments() {
		return new InMemorySegments();
	}

	@Bean
	InMemoryAttributeDefinitions attributeDefinitions() {
		return new InMemoryAttributeDefinitions();
	}

	@Bean
	Issues issues() {
		return Unreached.of(Issues.class);
	}

}
