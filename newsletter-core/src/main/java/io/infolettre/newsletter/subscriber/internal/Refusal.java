package io.infolettre.newsletter.subscriber.internal;

import java.util.List;

/** A refused row as the import holds it until it is counted and, among the first ones, kept. */
record Refusal(long line, List<RowVerdict.RowProblem> problems, List<String> values) {
}
