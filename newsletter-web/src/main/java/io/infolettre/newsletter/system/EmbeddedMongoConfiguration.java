package io.infolettre.newsletter.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.Set;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import io.infolettre.newsletter.subscriber.Subscriber;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no MongoDB configured, starts a MongoDB-wire-protocol server (mongo-java-server, H2 file in
 * the data folder) on a random loopback port and points the driver at it. The client bean depends
 * on the connection details, so it always connects after the server is up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.mongodb.uri:}'.isEmpty() and '${spring.mongodb.host:}'.isEmpty() and '${newsletter.mongodb.uri:}'.isEmpty()")
class EmbeddedMongoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

	@Bean(destroyMethod = "shutdown")
	MongoServer embeddedMongoServer(SystemSettings settings) {
		try {
			Files.createDirectories(settings.dataDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data folder " + settings.dataDir(), ex);
		}
		var file = settings.dataDir().resolve("newsletter.mv").toAbsolutePath();
		// Compressed: a send commits after every confirmation and each commit appends its pages, so the
		// file grows fast between compactions (several GB for a million recipients without it); the LZF
		// share of a send's CPU (about 9 %) made no measurable difference to its rate.
		// Its page cache holds deserialised documents: a miss reads, decompresses and deserialises a page.
		// H2's default (16 MB) did not hold the ledger entries of a 20,000-recipient wave of opens.
		var store = new MVStore.Builder().fileName(file.toString()).compress().cacheSize(cacheMegabytes()).open();
		var server = new MongoServer(DurableH2Backend.open(store, Set.of(Subscriber.COLLECTION)));
		server.bind(new InetSocketAddress("127.0.0.1", 0));
		log.info("Embedded MongoDB-wire server on {} with data in {}", server.getLocalAddress(), file);
		return server;
	}

	// an eighth of the heap, from H2's 16 MB to 256 MB
	private static int cacheMegabytes() {
		long heapMegabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
		return (int) Math.max(16, Math.min(256, heapMegabytes / 8));
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
		var address = embeddedMongoServer.getLocalAddress();
		var uri = new ConnectionString(
				"mongodb://" + address.getHostString() + ":" + address.getPort() + "/newsletter");
		return () -> uri;
	}

}
