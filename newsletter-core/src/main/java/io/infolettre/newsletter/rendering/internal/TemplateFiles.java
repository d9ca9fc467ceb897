package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.infolettre.newsletter.rendering.TemplateOrigin;
import io.infolettre.newsletter.rendering.internal.TemplateStore.StoredTemplate;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Which layouts exist, from the names of their HTML files in the three places. {@code NAME.html.ftlh}
 * is the French file, {@code NAME_en.html.ftlh} the English one; files whose name starts with an
 * underscore are shared parts (the footer), included by layouts, never chosen.
 */
final class TemplateFiles {

	private static final Pattern FILE = Pattern
		.compile("([A-Za-z0-9][A-Za-z0-9_-]*?)(?:_([a-z]{2}))?" + Pattern.quote(FreeMarkerIssueRenderer.HTML_SUFFIX));

	record Entry(String name, TemplateOrigin origin, List<String> languages) {
	}

	private TemplateFiles() {
	}

	static List<Entry> list(FreeMarkerIssueRenderer renderer) {
		// name -> language -> the first origin, in the order of precedence
		Map<String, Map<String, TemplateOrigin>> found = new TreeMap<>();
		for (StoredTemplate stored : renderer.store().all()) {
			add(found, stored.file(), TemplateOrigin.UPLOADED);
		}
		for (String file : folder(renderer.settings().dir())) {
			add(found, file, TemplateOrigin.FOLDER);
		}
		for (String file : builtIn()) {
			add(found, file, TemplateOrigin.BUILT_IN);
		}
		List<Entry> entries = new ArrayList<>();
		found.forEach((name, languages) -> {
			TemplateOrigin origin = languages.values().stream().min(Enum::compareTo).orElseThrow();
			var ordered = new ArrayList<>(new TreeSet<>(languages.keySet()));
			if (ordered.remove("fr")) {
				ordered.add(0, "fr");
			}
			entries.add(new Entry(name, origin, ordered));
		});
		return entries;
	}

	/** The file of one part of a layout in a language: French is the base file. */
	static String file(String name, String language, String suffix) {
		return ("fr".equals(language) ? name : name + "_" + language) + suffix;
	}

	private static void add(Map<String, Map<String, TemplateOrigin>> found, String file, TemplateOrigin origin) {
		Matcher m = FILE.matcher(file);
		// NAME_blocs.html.ftlh restyles the blocks of the layout NAME: it is no layout of its own
		if (m.matches() && !m.group(1).endsWith(BlockRenderer.FILE)) {
			found.computeIfAbsent(m.group(1), n -> new LinkedHashMap<>())
				.putIfAbsent(m.group(2) == null ? "fr" : m.group(2), origin);
		}
	}

	private static List<String> folder(Path dir) {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(p -> p.getFileName().toString()).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list the templates in " + dir, ex);
		}
	}

	private static List<String> builtIn() {
		try {
			List<String> names = new ArrayList<>();
			for (var resource : new PathMatchingResourcePatternResolver().getResources(
					"classpath*:" + FreeMarkerIssueRenderer.CLASSPATH_FOLDER + "/*" + FreeMarkerIssueRenderer.HTML_SUFFIX)) {
				names.add(resource.getFilename());
			}
			return names;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot list the built-in templates", ex);
		}
	}

}
