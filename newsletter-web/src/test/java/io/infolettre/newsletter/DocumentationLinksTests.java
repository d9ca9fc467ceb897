package io.infolettre.newsletter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link of the README and of {@code docs/} leads to a file of the repository, and every
 * {@code #anchor} to a heading of that file: a newcomer following the documentation never lands on
 * nothing after a file is renamed or a section retitled.
 */
class DocumentationLinksTests {

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*$", Pattern.MULTILINE);

	private static final int README_MAX_LINES = 200;

	private final Path root = repositoryRoot();

	@Test
	void everyRelativeLinkResolves() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path document : documents()) {
			String text = Files.readString(document);
			var links = LINK.matcher(text);
			while (links.find()) {
				String target = links.group(1);
				if (target.matches("^[a-z]+:.*")) {
					continue; // http(s), mailto: outside the repository
				}
				String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
				String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
				Path file = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
				if (!file.startsWith(this.root) || !Files.exists(file)) {
					broken.add(this.root.relativize(document) + " → " + target + " (no such file)");
				}
				else if (anchor != null && !anchorsOf(file).contains(anchor)) {
					broken.add(this.root.relativize(document) + " → " + target + " (no such heading)");
				}
			}
		}
		assertThat(broken).as("broken links").isEmpty();
	}

	@Test
	void readmeStaysShort() throws IOException {
		assertThat(Files.readAllLines(this.root.resolve("README.md"))).as("README.md lines")
			.hasSizeLessThanOrEqualTo(README_MAX_LINES);
	}

	private List<Path> documents() throws IOException {
		List<Path> documents = new ArrayList<>();
		documents.add(this.root.resolve("README.md"));
		try (Stream<Path> docs = Files.walk(this.root.resolve("docs"))) {
			docs.filter((p) -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		try (Stream<Path> modules = Files.list(this.root)) {
			modules.map((m) -> m.resolve("README.md")).filter(Files::isRegularFile).forEach(documents::add);
		}
		return documents.stream().distinct().toList();
	}

	private static List<String> anchorsOf(Path file) throws IOException {
		if (!file.toString().endsWith(".md")) {
			return List.of();
		}
		List<String> anchors = new ArrayList<>();
		var headings = HEADING.matcher(Files.readString(file));
		while (headings.find()) {
			anchors.add(slug(headings.group(1)));
		}
		return anchors;
	}

	// GitHub's rule: lower case, markup and punctuation dropped, spaces to hyphens, accents kept
	static String slug(String heading) {
		String text = heading.replaceAll("`", "").replaceAll("\\[([^]]*)]\\([^)]*\\)", "$1");
		text = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		return text.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
	}

	private static Path repositoryRoot() {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
			dir = dir.getParent();
		}
		assertThat(dir).as("repository root above " + Path.of("").toAbsolutePath()).isNotNull();
		return dir;
	}

}
