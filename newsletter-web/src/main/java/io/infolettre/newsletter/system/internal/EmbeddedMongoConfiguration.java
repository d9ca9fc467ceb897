package io.infolettre.newsletter.system.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import com.mongodb.ConnectionString;
import io.infolettre.embeddedmongo.EmbeddedMongoServer;
import io.infolettre.newsletter.system.SystemSettings;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no MongoDB configured, starts the embedded MongoDB-wire server (newsletter-embedded-mongo, its
 * file in the data folder) on a random loopback port and points the driver at it. The client bean
 * depends on the connection details, so it always connects after the server is up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty() and '${spring.mongodb.host:}'.isEmpty() and '${newsletter.mongodb.uri:}'.isEmpty()")
class EmbeddedMongoConfiguration {

	@Bean(destroyMethod = "stop")
	EmbeddedMongoServer embeddedMongoServer(SystemSettings system, EmbeddedMongoSettings settings) {
		try {
			Files.createDirectories(system.dataDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data folder " + system.dataDir(), ex);
		}
		// no password: reachable from this machine only
		return EmbeddedMongoServer.inFile(system.dataDir().resolve("newsletter.mv"))
			.keepValuesOf(settings.keepValuesOf())
			.bind("127.0.0.1", 0)
			.start();
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer embeddedMongoServer) {
		var uri = new ConnectionString(embeddedMongoServer.connectionString() + "/newsletter");
		return () -> uri;
	}

}
