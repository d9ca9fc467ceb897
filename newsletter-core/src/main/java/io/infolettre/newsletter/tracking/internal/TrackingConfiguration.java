package io.infolettre.newsletter.tracking.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import io.infolettre.newsletter.tracking.TrackingSettings;
import io.infolettre.newsletter.tracking.TrackingTokens;
import org.bson.Document;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrackingSettings.class)
class TrackingConfiguration {

	static final String SETTINGS_COLLECTION = "installation";

	static final String SECRET_ID = "tracking-secret";

	@Bean
	TrackingTokens trackingTokens(TrackingSettings settings, MongoTemplate mongo) {
		if (settings.secret() != null && !settings.secret().isBlank()) {
			return new HmacTrackingTokens(settings.secret().getBytes(StandardCharsets.UTF_8));
		}
		return new HmacTrackingTokens(Base64.getDecoder().decode(storedSecret(mongo)));
	}

	// Insert-if-absent on a fixed _id: when several nodes start at once, all end up with the first secret.
	private static String storedSecret(MongoTemplate mongo) {
		Document existing = mongo.findById(SECRET_ID, Document.class, SETTINGS_COLLECTION);
		if (existing != null) {
			return existing.getString("value");
		}
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try {
			mongo.insert(new Document("_id", SECRET_ID).append("value", Base64.getEncoder().encodeToString(secret)),
					SETTINGS_COLLECTION);
		}
		catch (DuplicateKeyException ex) {
			// another node won the race; use its secret
		}
		return mongo.findById(SECRET_ID, Document.class, SETTINGS_COLLECTION).getString("value");
	}

}
