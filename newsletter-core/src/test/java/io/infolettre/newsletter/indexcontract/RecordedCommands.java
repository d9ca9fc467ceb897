package io.infolettre.newsletter.indexcontract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Records, from every MongoDB client of the tests, the indexes the application declares (its
 * {@code createIndexes} commands, whether or not the server accepted them) and the first time each
 * query shape is sent to a database, with who sent it. {@link IndexContract} judges what it recorded.
 * Test code registers it on the clients it builds ({@code EmbeddedMongo}, the applications the web
 * tests start); production code never carries it.
 */
public final class RecordedCommands implements CommandListener {

	private static final RecordedCommands INSTANCE = new RecordedCommands();

	/** Where indexes live: a collection of one database on one server. */
	record Namespace(String server, String database, String collection) {
	}

	/** The first time a query shape reached a namespace. */
	record Sighting(Namespace namespace, CommandShape shape, Sender sender, String thread, String test) {
	}

	private final Map<Namespace, Map<String, DeclaredIndex>> indexes = new ConcurrentHashMap<>();

	private final Map<Namespace, Set<String>> declarers = new ConcurrentHashMap<>();

	private final Map<String, Sighting> seen = new ConcurrentHashMap<>();

	private final Queue<Sighting> unjudged = new ConcurrentLinkedQueue<>();

	private final Queue<String> unreadable = new ConcurrentLinkedQueue<>();

	private volatile String currentTest = "(before the first test)";

	// one for the whole test run (instance()); tests of the recorder build their own
	RecordedCommands() {
	}

	/** The listener to add to a MongoDB client's settings. */
	public static CommandListener listener() {
		return INSTANCE;
	}

	static RecordedCommands instance() {
		return INSTANCE;
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		String command = event.getCommandName();
		try {
			if (command.equals("createIndexes")) {
				declare(namespace(event, event.getCommand().getString(command).getValue()), event.getCommand());
			}
			else if (CommandShape.QUERIES.contains(command)) {
				for (CommandShape shape : CommandShape.of(command, event.getCommand())) {
					see(namespace(event, shape.collection()), shape);
				}
			}
		}
		catch (RuntimeException ex) {
			// the driver would only log it: the test that sent the command fails instead
			this.unreadable.add(command + " " + ex + " in " + this.currentTest);
		}
	}

	private void declare(Namespace namespace, BsonDocument command) {
		var declared = this.indexes.computeIfAbsent(namespace, ns -> new ConcurrentHashMap<>());
		for (BsonValue specification : command.getArray("indexes")) {
			var index = DeclaredIndex.of(specification.asDocument());
			declared.put(index.name(), index);
		}
		this.declarers.computeIfAbsent(namespace, ns -> ConcurrentHashMap.newKeySet()).add(Sender.declarer());
	}

	private void see(Namespace namespace, CommandShape shape) {
		String key = namespace + " " + shape.text();
		Sighting previous = this.seen.get(key);
		if (previous != null && !previous.sender().isTest()) {
			return;
		}
		// a shape first sent by a test is looked at again until the application sends it too
		var sender = Sender.current();
		if (previous != null && sender.isTest()) {
			return;
		}
		var sighting = new Sighting(namespace, shape, sender, Thread.currentThread().getName(), this.currentTest);
		boolean first = previous == null ? this.seen.putIfAbsent(key, sighting) == null
				: this.seen.replace(key, previous, sighting);
		if (first && !sender.isTest()) {
			this.unjudged.add(sighting);
		}
	}

	private static Namespace namespace(CommandStartedEvent event, String collection) {
		return new Namespace(event.getConnectionDescription().getServerAddress().toString(), event.getDatabaseName(),
				collection);
	}

	void testStarted(String test) {
		this.currentTest = test;
	}

	/** The sightings not judged yet, oldest first; each is handed out once. */
	List<Sighting> takeUnjudged() {
		var taken = new ArrayList<Sighting>();
		for (Sighting sighting = this.unjudged.poll(); sighting != null; sighting = this.unjudged.poll()) {
			taken.add(sighting);
		}
		return taken;
	}

	List<String> takeUnreadable() {
		var taken = new ArrayList<String>();
		for (String problem = this.unreadable.poll(); problem != null; problem = this.unreadable.poll()) {
			taken.add(problem);
		}
		return taken;
	}

	/** Every shape seen so far, the tests' own included, each with its first sighting. */
	Collection<Sighting> sightings() {
		return List.copyOf(this.seen.values());
	}

	/** The indexes declared for a namespace, with the {@code _id} index every collection has. */
	Collection<DeclaredIndex> indexes(Namespace namespace) {
		var all = new LinkedHashMap<String, DeclaredIndex>();
		all.put(DeclaredIndex.ID.name(), DeclaredIndex.ID);
		all.putAll(new TreeMap<>(this.indexes.getOrDefault(namespace, Map.of())));
		return all.values();
	}

	/** The code that creates a namespace's indexes, to point a developer at. */
	Set<String> declarers(Namespace namespace) {
		return new TreeSet<>(this.declarers.getOrDefault(namespace, Set.of()));
	}

}
