package io.infolettre.newsletter.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import io.infolettre.newsletter.issue.IssueEdit;
import io.infolettre.newsletter.issue.IssueVariant;
import io.infolettre.newsletter.rendering.Block;

/**
 * What changed in a draft since its last review, as an approver reads it: the title, template, sender
 * and, per language, the subject, the preheader and each block's fields, compared line by line
 * (java-diff-utils, Myers' algorithm) and shown as a unified diff with two lines of context.
 */
final class IssueReviewDiff {

	private static final int CONTEXT = 2;

	private IssueReviewDiff() {
	}

	/**
	 * @param label the words of the page's language for a part ({@code title}, {@code subject}…)
	 * @return the lines to show, empty when nothing changed
	 */
	static List<Line> between(IssueEdit before, IssueEdit after, Function<String, String> label) {
		List<String> original = lines(before, label);
		List<String> revised = lines(after, label);
		var patch = DiffUtils.diff(original, revised);
		if (patch.getDeltas().isEmpty()) {
			return List.of();
		}
		List<String> unified = UnifiedDiffUtils.generateUnifiedDiff("avant", "après", original, patch, CONTEXT);
		List<Line> shown = new ArrayList<>();
		// the first two lines name the files (--- avant, +++ après): the page says it in words
		for (String line : unified.subList(2, unified.size())) {
			if (line.startsWith("@@")) {
				shown.add(new Line(Kind.GAP, "…"));
			}
			else if (line.startsWith("+")) {
				shown.add(new Line(Kind.ADDED, line.substring(1)));
			}
			else if (line.startsWith("-")) {
				shown.add(new Line(Kind.REMOVED, line.substring(1)));
			}
			else {
				shown.add(new Line(Kind.SAME, line.isEmpty() ? "" : line.substring(1)));
			}
		}
		return shown;
	}

	/** The draft as lines of text, one part per line (a field of several lines takes several). */
	static List<String> lines(IssueEdit edit, Function<String, String> label) {
		List<String> lines = new ArrayList<>();
		lines.add(label.apply("title") + " : " + nullToEmpty(edit.title()));
		lines.add(label.apply("template") + " : " + nullToEmpty(edit.template()));
		lines.add(label.apply("sender") + " : " + (edit.sender() == null ? "—" : edit.sender().email()));
		lines.add(label.apply("replyTo") + " : " + (edit.replyTo() == null ? "—" : edit.replyTo()));
		variant(lines, "fr", edit.french(), label);
		if (edit.english() != null) {
			variant(lines, "en", edit.english(), label);
		}
		return lines;
	}

	private static void variant(List<String> lines, String language, IssueVariant variant,
			Function<String, String> label) {
		lines.add("[" + language + "] " + label.apply("subject") + " : " + variant.subject());
		lines.add("[" + language + "] " + label.apply("preheader") + " : " + variant.preheader());
		blocks(lines, "[" + language + "] " + label.apply("block") + " ", variant.blocks());
	}

	private static void blocks(List<String> lines, String prefix, List<Block> blocks) {
		for (int i = 0; i < blocks.size(); i++) {
			Block block = blocks.get(i);
			String name = prefix + (i + 1);
			lines.add(name + " (" + block.type() + ")");
			for (Map.Entry<String, String> field : block.fields().entrySet()) {
				String[] values = field.getValue() == null ? new String[] { "" } : field.getValue().split("\n", -1);
				lines.add("    " + field.getKey() + " : " + values[0]);
				for (int j = 1; j < values.length; j++) {
					lines.add("    " + " ".repeat(field.getKey().length() + 3) + values[j]);
				}
			}
			blocks(lines, name + ".g", block.left());
			blocks(lines, name + ".d", block.right());
		}
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

	enum Kind {

		SAME, ADDED, REMOVED, GAP

	}

	/** One line of the diff; public: the page reads it. */
	public record Line(Kind kind, String text) {

		public String kindName() {
			return this.kind.name();
		}

	}

}
