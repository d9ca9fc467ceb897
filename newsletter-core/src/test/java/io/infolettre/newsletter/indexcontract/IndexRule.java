package io.infolettre.newsletter.indexcontract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.infolettre.newsletter.indexcontract.CommandShape.SortKey;
import io.infolettre.newsletter.indexcontract.DeclaredIndex.Key;
import io.infolettre.newsletter.indexcontract.FilterShape.Branch;
import io.infolettre.newsletter.indexcontract.FilterShape.Kind;

/**
 * Whether a query would be served by an index on a real MongoDB, judged from its shape alone:
 * <ol>
 * <li>Every branch of the filter must be served: a top-level {@code $or} (and one inside
 * {@code $and}) is distributed, so each alternative, together with the conditions beside the
 * {@code $or}, needs an index of its own, as MongoDB plans each {@code $or} clause separately.</li>
 * <li>A field's condition is an <em>equality</em> ({@code value}, {@code $eq}, {@code $in},
 * {@code $all}, {@code null}, {@code $exists: false}, each field inside an {@code $elemMatch}), a <em>range</em>
 * ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}, a case-sensitive regular expression anchored
 * with {@code ^}), or <em>other</em> ({@code $ne}, {@code $nin}, {@code $exists: true}, {@code $not},
 * {@code $nor}, {@code $expr}, an unanchored or case-insensitive regular expression): other conditions
 * never bound an index scan.</li>
 * <li>An index serves a branch when, walking its keys in order: the leading keys that the branch binds
 * by equality come first (its <em>equality prefix</em>, possibly empty); then, if the query sorts on
 * fields not bound by equality, those sort fields, in order, each with the index's direction or each
 * with the opposite one; and the index narrows the scan: its equality prefix is not empty; or, when
 * the branch binds no field by an equality other than {@code null}, the first key carries a range
 * condition (a keyset page on {@code _id}, the consents lapsing before a date) or the branch has no
 * condition at all and the query stops after a limit (a walk in index order: "the latest N"). So an
 * equality the index does not lead with (a list, then a range on {@code _id}) is not served: its
 * equality fields come first. Conditions on other fields are checked on the documents the index
 * returns: they do not disqualify it.</li>
 * <li>A unique index whose keys are all bound by equality serves the branch whatever its sort (a
 * lookup of at most one document per value). The {@code _id} index, unique, counts for every
 * collection.</li>
 * <li>A wildcard index ({@code path.$**}) serves like a single-key index on any field under its path
 * that the branch bounds by a non-null equality or a range.</li>
 * <li>{@code distinct} is served as a filter whose index continues with the distinct key, or by an
 * index whose equality prefix is followed by that key (a distinct scan); a {@code count} without a
 * filter is answered from the collection's metadata.</li>
 * </ol>
 * The rule knows shapes, not data: an equality on a field with few values (a status) counts as
 * narrowing, as it does for MongoDB's planner.
 */
final class IndexRule {

	private IndexRule() {
	}

	/** The indexes serving each branch, or the first branch no index serves. */
	record Verdict(List<DeclaredIndex> servingIndexes, Branch unservedBranch) {

		boolean isServed() {
			return this.unservedBranch == null;
		}

	}

	static Verdict judge(CommandShape shape, Collection<DeclaredIndex> declared) {
		if (shape.isMetadataCount()) {
			return new Verdict(List.of(), null);
		}
		var serving = new ArrayList<DeclaredIndex>();
		for (Branch branch : shape.filter().branches()) {
			// the one MongoDB's planner would likely prefer: the longest equality prefix
			Optional<DeclaredIndex> index = candidates(declared, branch).stream()
				.filter(candidate -> serves(candidate, branch, shape))
				.max(Comparator.comparingInt(candidate -> equalityPrefix(candidate.keys(), branch)));
			if (index.isEmpty()) {
				return new Verdict(List.copyOf(serving), branch);
			}
			serving.add(index.get());
		}
		return new Verdict(List.copyOf(serving), null);
	}

	// the declared indexes, with each wildcard index standing for one single-key index per field it covers
	private static List<DeclaredIndex> candidates(Collection<DeclaredIndex> declared, Branch branch) {
		var candidates = new ArrayList<DeclaredIndex>();
		for (DeclaredIndex index : declared) {
			if (!index.isWildcard()) {
				candidates.add(index);
				continue;
			}
			branch.fields().forEach((field, kind) -> {
				if (field.startsWith(index.wildcardPath()) && (kind == Kind.EQUALITY || kind == Kind.RANGE)) {
					candidates.add(new DeclaredIndex(index.name(), List.of(new Key(field, 1)), false));
				}
			});
		}
		return candidates;
	}

	static boolean serves(DeclaredIndex index, Branch branch, CommandShape shape) {
		List<Key> keys = index.keys();
		if (index.unique() && keys.stream().allMatch(key -> branch.isEquality(key.field()))) {
			return true;
		}
		int prefix = equalityPrefix(keys, branch);
		if (shape.distinctKey() != null && !branch.isEquality(shape.distinctKey())) {
			// a distinct scan walks the key right after the equality prefix
			if (prefix < keys.size() && keys.get(prefix).field().equals(shape.distinctKey())) {
				return true;
			}
		}
		List<SortKey> sort = shape.sort().stream().filter(key -> !branch.isEquality(key.field())).toList();
		if (!followsInOrder(keys, prefix, sort)) {
			return false;
		}
		if (prefix > 0) {
			return true;
		}
		boolean boundByEquality = branch.fields().values().stream().anyMatch(kind -> kind == Kind.EQUALITY);
		boolean rangeFirst = branch.kind(keys.get(0).field()) == Kind.RANGE;
		boolean walkInOrder = branch.fields().isEmpty() && !sort.isEmpty() && shape.limited();
		return !boundByEquality && (rangeFirst || walkInOrder);
	}

	private static int equalityPrefix(List<Key> keys, Branch branch) {
		int prefix = 0;
		while (prefix < keys.size() && branch.isEquality(keys.get(prefix).field())) {
			prefix++;
		}
		return prefix;
	}

	private static boolean followsInOrder(List<Key> keys, int from, List<SortKey> sort) {
		if (sort.isEmpty()) {
			return true;
		}
		if (keys.size() < from + sort.size()) {
			return false;
		}
		Integer orientation = null;
		for (int i = 0; i < sort.size(); i++) {
			Key key = keys.get(from + i);
			if (!key.field().equals(sort.get(i).field()) || key.direction() == 0) {
				return false;
			}
			int relative = key.direction() * sort.get(i).direction();
			if (orientation != null && orientation != relative) {
				return false;
			}
			orientation = relative;
		}
		return true;
	}

	/**
	 * The index the rule asks for: the branch's equality fields, then the sort fields, then one range
	 * field, for a message to suggest.
	 */
	static String suggestedKeys(Branch branch, CommandShape shape) {
		var keys = new ArrayList<String>();
		branch.fields().forEach((field, kind) -> {
			if (kind.isEquality()) {
				keys.add(field + ": 1");
			}
		});
		shape.sort().stream().filter(key -> !branch.isEquality(key.field())).forEach(key -> keys.add(key.toString()));
		if (shape.sort().isEmpty()) {
			branch.fields()
				.entrySet()
				.stream()
				.filter(e -> e.getValue() == Kind.RANGE)
				.findFirst()
				.ifPresent(e -> keys.add(e.getKey() + ": 1"));
		}
		return keys.isEmpty() ? "(none: nothing in this query narrows it)" : "{" + String.join(", ", keys) + "}";
	}

}
