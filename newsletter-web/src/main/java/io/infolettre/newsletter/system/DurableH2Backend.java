package io.infolettre.newsletter.system;

import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend acknowledges a write before its MVStore commits it (about a second
 * later), so a kill -9 loses acknowledged writes. Committing after every write command makes
 * "acknowledged" mean "in the file": a crash loses nothing the application was told is stored.
 * Its databases find documents by {@code _id} first ({@link IndexFirstH2Database}).
 */
class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
			"create", "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

	DurableH2Backend(MVStore store) {
		super(store);
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String name) {
		return IndexFirstH2Database.open(name, getMvStore(), getCursorRegistry());
	}

	@Override
	public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
		Document result = super.handleCommand(channel, databaseName, command, query);
		if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
			commit();
		}
		return result;
	}

}
