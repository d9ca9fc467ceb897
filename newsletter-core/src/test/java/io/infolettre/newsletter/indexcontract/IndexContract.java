package io.infolettre.newsletter.indexcontract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.infolettre.newsletter.indexcontract.RecordedCommands.Sighting;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * The index contract: every query the application sends to MongoDB during the tests is served by an
 * index it declares, by {@link IndexRule}'s rule (equality fields first, then the sort or the range
 * field; each {@code $or} branch served; the {@code _id} index counts), or is one of the
 * {@link AcceptedScans}, each with its reason. The queries are find, update, delete, findAndModify,
 * count, distinct and aggregate (its leading {@code $match} and {@code $sort}), each statement of a
 * bulk write included.
 * <p>
 * {@link RecordedCommands}, a driver {@code CommandListener} on every client the tests build, keeps
 * the first sighting of each query shape (field names and operators, no values) per database, and the
 * indexes the application declared there: the keys of its {@code createIndexes} commands rather than
 * the server's {@code listIndexes}, because the contract is about what the application asks a real
 * MongoDB for (an index refused as a duplicate of the same keys under another name still serves);
 * because a store test's server is closed by the time the test is judged; and because the command's
 * stack names the code that declares them, which the message points to.
 * Queries whose first {@code io.infolettre} frame is test code (a test reading the database to check
 * an outcome) are not the application's and are not judged.
 * <p>
 * This extension, registered for every test by autodetection ({@code junit-platform.properties}),
 * judges the shapes after each test and fails the test during which an unserved one was first sent,
 * naming it, its filter, who sent it, the collection's indexes and what to do. A shape first sent on
 * a background thread (a write-behind recorder) fails the next test to end, or its class. Each
 * distinct shape is reported once. The verdict on every shape is written to
 * {@code target/index-contract.txt}.
 */
public final class IndexContract implements BeforeEachCallback, AfterEachCallback, AfterAllCallback {

	private static final Path SUMMARY = Path.of("target", "index-contract.txt");

	private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

	private static final Map<String, String> VERDICTS = new ConcurrentHashMap<>();

	private final RecordedCommands recorded = RecordedCommands.instance();

	@Override
	public void beforeEach(ExtensionContext context) {
		this.recorded.testStarted(context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName());
	}

	@Override
	public void afterEach(ExtensionContext context) {
		judge();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.recorded.testStarted("(after " + context.getRequiredTestClass().getSimpleName() + ", before the next test)");
		try {
			judge();
		}
		finally {
			writeSummary();
		}
	}

	private void judge() {
		var problems = new ArrayList<String>();
		this.recorded.takeUnreadable()
			.forEach(problem -> problems.add("A command the index contract could not read: " + problem));
		for (Sighting sighting : this.recorded.takeUnjudged()) {
			var judgement = Judgement.of(sighting, this.recorded.indexes(sighting.namespace()),
					this.recorded.declarers(sighting.namespace()));
			String key = sighting.shape().text();
			if (!judgement.isProblem()) {
				VERDICTS.putIfAbsent(key, judgement.summary());
				continue;
			}
			VERDICTS.put(key, judgement.summary());
			if (REPORTED.add(key)) {
				problems.add(judgement.problem());
			}
		}
		if (!problems.isEmpty()) {
			throw new AssertionFailedError(problems.size() + " MongoDB "
					+ (problems.size() == 1 ? "query is" : "queries are")
					+ " served by no declared index (the rule: IndexContract, IndexRule).\n\n"
					+ String.join("\n\n", problems));
		}
	}

	private static void writeSummary() {
		if (!Files.isDirectory(SUMMARY.getParent())) {
			return;
		}
		var lines = new TreeMap<>(VERDICTS).entrySet()
			.stream()
			.map(e -> e.getKey() + "\n    " + e.getValue())
			.collect(Collectors.joining("\n"));
		try {
			Files.writeString(SUMMARY, lines + "\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
