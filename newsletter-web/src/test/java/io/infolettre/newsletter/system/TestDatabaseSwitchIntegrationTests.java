package io.infolettre.newsletter.system;

import io.infolettre.newsletter.fixtures.TestDatabase;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integration suite runs where NEWSLETTER_TEST_MONGODB_URI says: on that server, in a database of
 * the tests' own, and no embedded server beside it; unset, on the embedded server.
 */
class TestDatabaseSwitchIntegrationTests extends AbstractIntegrationTests {

	@Autowired
	MongoConnectionDetails mongo;

	@Autowired
	ApplicationContext context;

	@Test
	void theSuiteUsesTheServerTheSwitchNames() {
		var uri = this.mongo.getConnectionString();
		boolean embedded = this.context.containsBean("embeddedMongoServer");
		TestDatabase.server().ifPresentOrElse(server -> {
			assertThat(embedded).as("an embedded server started beside " + server).isFalse();
			assertThat(uri.getHosts()).isEqualTo(new com.mongodb.ConnectionString(server).getHosts());
			assertThat(uri.getDatabase()).startsWith("newsletter_test_");
		}, () -> {
			assertThat(embedded).isTrue();
			assertThat(uri.getDatabase()).isEqualTo("newsletter");
		});
	}

}
