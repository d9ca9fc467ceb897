package io.infolettre.newsletter.composition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.infolettre.newsletter.composition.internal.ImageProbe;
import io.infolettre.newsletter.composition.internal.RenderedMessageChecks;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.rendering.BlockImage;
import io.infolettre.newsletter.rendering.Blocks;
import io.infolettre.newsletter.rendering.RenderedMessage;

/**
 * The preflight's image checks, per variant: every image loads (a library image still exists, an
 * image from elsewhere answers as an image), and together they weigh less than what a phone on a
 * slow network opens without waiting.
 */
final class IssueImageChecks {

	/** Past this total, the images of one variant are worth a warning. */
	static final long HEAVY_BYTES = 1024 * 1024;

	private final ImageSources images;

	private final ImageProbe probe;

	IssueImageChecks(ImageSources images, ImageProbe probe) {
		this.images = images;
		this.probe = probe;
	}

	/** @param rendered each variant as the sample member receives it, by language */
	List<PreflightCheck> check(Issue issue, Map<String, RenderedMessage> rendered) {
		var perLanguage = new java.util.LinkedHashMap<String, Found>();
		var elsewhere = new LinkedHashSet<String>();
		rendered.forEach((language, message) -> {
			List<String> ids = Blocks.mediaIds(issue.variant(language).blocks());
			Map<String, BlockImage> library = ids.isEmpty() ? Map.of() : this.images.find(ids);
			Set<String> libraryUrls = new HashSet<>();
			library.values().forEach(image -> {
				libraryUrls.add(image.url());
				libraryUrls.add(image.retinaUrl());
			});
			List<String> others = new RenderedMessageChecks(message).imageSources()
				.stream()
				.filter(src -> !libraryUrls.contains(src))
				.toList();
			elsewhere.addAll(others);
			perLanguage.put(language, new Found(ids, library, others));
		});
		Map<String, ImageProbe.Answer> answers = elsewhere.isEmpty() ? Map.of()
				: this.probe.probe(new ArrayList<>(elsewhere));
		var checks = new ArrayList<PreflightCheck>();
		perLanguage.forEach((language, found) -> {
			checks.add(loads(language, found, answers));
			checks.add(weight(language, found, answers));
		});
		return checks;
	}

	private static PreflightCheck loads(String language, Found found, Map<String, ImageProbe.Answer> answers) {
		var failures = new ArrayList<String>();
		for (String id : found.mediaIds()) {
			if (!found.library().containsKey(id)) {
				failures.add("l'image « " + id + " » n'est plus dans la médiathèque");
			}
		}
		int unchecked = 0;
		for (String src : found.elsewhere()) {
			ImageProbe.Answer answer = answers.get(src);
			if (answer == null) {
				unchecked++;
			}
			else if (!answer.loads()) {
				failures.add(src + " : " + answer.reason());
			}
		}
		int total = found.mediaIds().size() + found.elsewhere().size();
		if (!failures.isEmpty()) {
			return PreflightCheck.fail("imageLoads", language, failures.size() + " image(s) ne se chargent pas : "
					+ String.join(" ; ", failures.subList(0, Math.min(3, failures.size()))) + ".");
		}
		if (unchecked > 0) {
			return PreflightCheck.warn("imageLoads", language, unchecked + " image(s) hébergée(s) ailleurs non vérifiée(s) : "
					+ ImageProbe.MAX_IMAGES + " au plus le sont par vérification.");
		}
		return PreflightCheck.pass("imageLoads", language,
				total == 0 ? "Aucune image." : total + " image(s), chacune se charge.");
	}

	private static PreflightCheck weight(String language, Found found, Map<String, ImageProbe.Answer> answers) {
		long bytes = found.library().values().stream().mapToLong(BlockImage::bytes).sum();
		boolean unknown = false;
		for (String src : found.elsewhere()) {
			ImageProbe.Answer answer = answers.get(src);
			if (answer != null && answer.bytes() >= 0) {
				bytes += answer.bytes();
			}
			else {
				unknown = true;
			}
		}
		String weight = weight(bytes) + (unknown ? " (sans les images dont le serveur ne dit pas le poids)" : "");
		return bytes > HEAVY_BYTES
				? PreflightCheck.warn("imageWeight", language, "Les images pèsent " + weight
						+ " : au-delà de 1 Mo, le message s'ouvre lentement sur un téléphone ; allégez ou retirez des images.")
				: PreflightCheck.pass("imageWeight", language, "Les images pèsent " + weight + ".");
	}

	private static String weight(long bytes) {
		return bytes >= 1024 * 1024 ? String.format(java.util.Locale.CANADA_FRENCH, "%.1f Mo", bytes / (1024.0 * 1024))
				: Math.round(bytes / 1024.0) + " Ko";
	}

	private record Found(List<String> mediaIds, Map<String, BlockImage> library, List<String> elsewhere) {
	}

}
