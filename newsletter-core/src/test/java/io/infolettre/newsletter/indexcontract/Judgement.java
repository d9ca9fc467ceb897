package io.infolettre.newsletter.indexcontract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.infolettre.newsletter.indexcontract.RecordedCommands.Sighting;

/**
 * What the contract says of a query shape: served (by which indexes), an accepted scan (why), or not
 * served, with the message that tells a developer what to do.
 */
record Judgement(String summary, String problem) {

	boolean isProblem() {
		return this.problem != null;
	}

	/**
	 * @param indexes the indexes declared where the shape was sent, {@code _id} included
	 * @param declarers the application's methods that declared them
	 */
	static Judgement of(Sighting sighting, Collection<DeclaredIndex> indexes, Set<String> declarers) {
		String sender = "  <- " + sighting.sender().frame();
		var verdict = IndexRule.judge(sighting.shape(), indexes);
		if (verdict.isServed()) {
			return new Judgement("served by " + verdict.servingIndexes()
				.stream()
				.map(DeclaredIndex::name)
				.distinct()
				.collect(Collectors.joining(", ")) + sender, null);
		}
		var accepted = AcceptedScans.accepting(sighting);
		if (accepted.isPresent()) {
			return new Judgement("accepted scan: " + accepted.get().reason() + sender, null);
		}
		return new Judgement("NOT SERVED" + sender, describe(sighting, verdict, indexes, declarers));
	}

	private static String describe(Sighting sighting, IndexRule.Verdict verdict, Collection<DeclaredIndex> indexes,
			Set<String> declarers) {
		var shape = sighting.shape();
		String collection = shape.collection();
		List<String> lines = new ArrayList<>();
		lines.add(shape.text());
		lines.add("  sent by " + sighting.sender().frame() + " on thread " + sighting.thread() + ", during "
				+ sighting.test());
		if (shape.filter().branches().size() > 1) {
			lines.add("  the $or branch no index serves: " + verdict.unservedBranch());
		}
		lines.add("  indexes of " + collection + ": "
				+ indexes.stream().map(DeclaredIndex::toString).collect(Collectors.joining("; ")));
		lines.add("  an index that would serve it: " + IndexRule.suggestedKeys(verdict.unservedBranch(), shape));
		lines.add("  What to do: declare that index where the indexes of " + collection + " are created ("
				+ (declarers.isEmpty() ? "none yet: in the store that owns " + collection
						+ ", at its start, as DeliveryStore.createIndexes does" : String.join(", ", declarers))
				+ "), or, if reading without an index is right for this query, add it to AcceptedScans with the reason.");
		return String.join("\n", lines);
	}

}
