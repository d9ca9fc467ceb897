package io.infolettre.newsletter.people.internal;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.infolettre.newsletter.people.InitialTeamSettings;
import io.infolettre.newsletter.people.TeamSettings;
import io.infolettre.newsletter.people.TeamSettingsStore;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The team's settings as one document ({@code settings}, id {@code team}); until an administrator
 * saves them, the initial values from the properties. Read from MongoDB each time (one small
 * document by id), so that every node sees a change at once.
 */
@Component
class MongoTeamSettings implements TeamSettingsStore {

	static final String COLLECTION = "settings";

	private static final String ID = "team";

	private final MongoTemplate mongo;

	private final InitialTeamSettings initial;

	MongoTeamSettings(MongoTemplate mongo, InitialTeamSettings initial) {
		this.mongo = mongo;
		this.initial = initial;
	}

	@Override
	public TeamSettings current() {
		Document saved = this.mongo.getCollection(COLLECTION).find(Filters.eq("_id", ID)).first();
		TeamSettings defaults = this.initial.settings();
		if (saved == null) {
			return defaults;
		}
		return new TeamSettings(saved.getBoolean("approvalRequired", defaults.approvalRequired()),
				saved.getBoolean("secondFactorRequiredForAdmins", defaults.secondFactorRequiredForAdmins()),
				saved.getBoolean("passwordApiAccess", defaults.passwordApiAccess()));
	}

	@Override
	public TeamSettings save(TeamSettings settings) {
		this.mongo.getCollection(COLLECTION)
			.replaceOne(Filters.eq("_id", ID),
					new Document("_id", ID).append("approvalRequired", settings.approvalRequired())
						.append("secondFactorRequiredForAdmins", settings.secondFactorRequiredForAdmins())
						.append("passwordApiAccess", settings.passwordApiAccess()),
					new ReplaceOptions().upsert(true));
		return settings;
	}

}
