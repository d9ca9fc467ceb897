package io.infolettre.newsletter.system.internal;

import com.mongodb.ConnectionString;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code NEWSLETTER_MONGODB_URI} (newsletter.mongodb.uri), a shorthand for spring.mongodb.uri. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("newsletter.mongodb.uri")
class ExternalMongoConfiguration {

	@Bean
	MongoConnectionDetails newsletterMongoConnectionDetails(@Value("${newsletter.mongodb.uri}") String uri) {
		var connectionString = new ConnectionString(uri);
		return () -> connectionString;
	}

}
