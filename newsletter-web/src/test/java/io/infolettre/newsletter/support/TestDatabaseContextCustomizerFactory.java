package io.infolettre.newsletter.support;

import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.fixtures.TestDatabase;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * With {@code NEWSLETTER_TEST_MONGODB_URI} set, every application context of the tests connects to
 * that server, each to a fresh database of its own, instead of starting the embedded server. Unset,
 * it adds nothing: the contexts and their sharing are as they were. Registered in spring.factories.
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (TestDatabase.server().isEmpty()
				|| MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
					.isPresent(KeepsEmbeddedMongo.class)) {
			return null;
		}
		return new FreshDatabase();
	}

	// equal to each other, so that contexts are shared as without it; the database is drawn per context
	private record FreshDatabase() implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			String uri = TestDatabase.freshDatabase().orElseThrow();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("testDatabase", Map.of("newsletter.mongodb.uri", uri)));
		}

	}

}
