package io.infolettre.newsletter.system.internal;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Database health by {@code ping}, which both a real MongoDB and the embedded server answer (Boot's
 * own indicator sends {@code hello}, which the embedded server does not know).
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

	private final MongoTemplate mongo;

	MongoPingHealthIndicator(MongoTemplate mongo) {
		super("MongoDB health check failed");
		this.mongo = mongo;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document reply = this.mongo.executeCommand(new Document("ping", 1));
		builder.up().withDetail("database", this.mongo.getDb().getName()).withDetail("ok", reply.get("ok"));
	}

}
