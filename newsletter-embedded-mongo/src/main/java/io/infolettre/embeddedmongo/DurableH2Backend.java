package io.infolettre.embeddedmongo;

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
 * Its databases find documents by {@code _id} first and count some collections from the values
 * their indexes name, kept in memory ({@link IndexFirstH2Database}).
 */
class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
			"create", "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

	// H2Backend opens the existing databases in its constructor, before this class's fields are set
	private static final ThreadLocal<Set<String>> OPENING = new ThreadLocal<>();

	private final Set<String> countedInMemory;

	private DurableH2Backend(MVStore store, Set<String> countedInMemory) {
		super(store);
		this.countedInMemory = countedInMemory;
	}

	/** @param countedInMemory the collections whose indexed values are kept in memory for counting */
	static DurableH2Backend open(MVStore store, Set<String> countedInMemory) {
		Set<String> counted = Set.copyOf(countedInMemory);
		OPENING.set(counted);
		try {
			return new DurableH2Backend(store, counted);
		}
		finally {
			OPENING.remove();
		}
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String name) {
		Set<String> counted = this.countedInMemory != null ? this.countedInMemory : OPENING.get();
		return IndexFirstH2Database.open(name, getMvStore(), getCursorRegistry(), counted);
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
