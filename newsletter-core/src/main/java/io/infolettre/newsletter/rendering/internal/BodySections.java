package io.infolettre.newsletter.rendering.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.infolettre.newsletter.rendering.TemplateProblem;

/**
 * Splits a Markdown body into plain Markdown and content blocks. A block opens with a line
 * {@code :::TYPE optional title} and closes with a line {@code :::}; blocks do not nest. Only
 * these fence lines are read here: everything else stays Markdown, parsed by CommonMark.
 */
final class BodySections {

	static final String PART = "Corps";

	static final Pattern OPENING = Pattern.compile("^:::\\s*([\\p{L}\\p{N}_-]+)\\s*(.*?)\\s*$");

	static final Pattern CLOSING = Pattern.compile("^:::\\s*$");

	/** A run of lines: plain Markdown when {@code block} is null, else the inside of a block. */
	record Section(ContentBlock block, String title, String markdown, int line) {
	}

	private BodySections() {
	}

	static List<Section> parse(String body) {
		List<Section> sections = new ArrayList<>();
		List<String> lines = (body == null ? "" : body).lines().toList();
		var plain = new StringBuilder();
		int plainStart = 1;
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (CLOSING.matcher(line).matches()) {
				throw new TemplateProblem(PART, i + 1, 1, "fin de bloc « ::: » sans bloc ouvert", null);
			}
			Matcher opening = OPENING.matcher(line);
			if (!opening.matches()) {
				plain.append(line).append('\n');
				continue;
			}
			int start = i + 1;
			ContentBlock block = ContentBlock.named(opening.group(1))
				.orElseThrow(() -> new TemplateProblem(PART, start, 4,
						"type de bloc inconnu « " + opening.group(1) + " » ; types possibles : " + ContentBlock.names(),
						null));
			var inside = new StringBuilder();
			int j = i + 1;
			for (; j < lines.size() && !CLOSING.matcher(lines.get(j)).matches(); j++) {
				if (OPENING.matcher(lines.get(j)).matches()) {
					throw new TemplateProblem(PART, j + 1, 1,
							"bloc ouvert ligne " + start + " non fermé par « ::: » avant ce nouveau bloc", null);
				}
				inside.append(lines.get(j)).append('\n');
			}
			if (j == lines.size()) {
				throw new TemplateProblem(PART, start, 1, "bloc « " + opening.group(1) + " » non fermé par « ::: »",
						null);
			}
			if (!plain.isEmpty()) {
				sections.add(new Section(null, null, plain.toString(), plainStart));
				plain.setLength(0);
			}
			sections.add(new Section(block, opening.group(2), inside.toString(), start + 1));
			i = j;
			plainStart = j + 2;
		}
		if (!plain.isEmpty()) {
			sections.add(new Section(null, null, plain.toString(), plainStart));
		}
		return sections;
	}

}
