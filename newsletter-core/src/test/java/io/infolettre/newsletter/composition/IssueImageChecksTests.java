package io.infolettre.newsletter.composition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.composition.PreflightCheck.Outcome;
import io.infolettre.newsletter.composition.internal.ImageProbe;
import io.infolettre.newsletter.issue.Issue;
import io.infolettre.newsletter.issue.IssueContent;
import io.infolettre.newsletter.rendering.Block;
import io.infolettre.newsletter.rendering.BlockImage;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.segment.Audience;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weight and the presence of an issue's library images. The library is a map here: what it
 * answers is the point, not how it stores files (its own tests do that).
 */
class IssueImageChecksTests {

	private final Map<String, BlockImage> library = new HashMap<>();

	private final IssueImageChecks checks = new IssueImageChecks(ids -> {
		var found = new HashMap<String, BlockImage>();
		ids.forEach(id -> {
			if (this.library.containsKey(id)) {
				found.put(id, this.library.get(id));
			}
		});
		return found;
	}, new ImageProbe());

	private static Issue issueShowing(List<String> mediaIds) {
		var blocks = new ArrayList<Block>();
		mediaIds.forEach(id -> blocks.add(new Block("image", Map.of("mediaId", id, "alt", "Image " + id))));
		return new Issue("Images", new IssueContent("Objet", "", null, "infolettre", "fr", blocks),
				Audience.allActive(), Instant.now());
	}

	/** The message as rendered: the library's images at their addresses. */
	private RenderedMessage rendered(List<String> mediaIds) {
		var html = new StringBuilder("<html><body>");
		mediaIds.stream().filter(this.library::containsKey).forEach(id -> html.append("<img src=\"")
			.append(this.library.get(id).url()).append("\" srcset=\"").append(this.library.get(id).retinaUrl())
			.append(" 2x\" alt=\"x\" width=\"520\" height=\"300\">"));
		return new RenderedMessage("Objet", html.append("</body></html>").toString(), "texte");
	}

	private PreflightCheck named(List<PreflightCheck> checks, String name) {
		return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	private void library(String id, long bytes) {
		this.library.put(id, new BlockImage("https://n.exemple.ca/media/" + id + "/600.jpg", 600, 400,
				"https://n.exemple.ca/media/" + id + "/1200.jpg", bytes));
	}

	@Test
	void imagesOverOneMegabyteTogetherAreWorthAWarning() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			library("m" + i, 200 * 1024);
			ids.add("m" + i);
		}
		var light = this.checks.check(issueShowing(ids), Map.of("fr", rendered(ids)));
		assertThat(named(light, "imageWeight").outcome()).isEqualTo(Outcome.PASS);
		assertThat(named(light, "imageWeight").reason()).isEqualTo("Les images pèsent 1000 Ko.");
		assertThat(named(light, "imageLoads").outcome()).isEqualTo(Outcome.PASS);

		library("m5", 100 * 1024);
		ids.add("m5");
		var heavy = this.checks.check(issueShowing(ids), Map.of("fr", rendered(ids)));
		assertThat(named(heavy, "imageWeight").outcome()).isEqualTo(Outcome.WARN);
		assertThat(named(heavy, "imageWeight").reason()).startsWith("Les images pèsent 1,1 Mo : au-delà de 1 Mo");
	}

	@Test
	void anImageGoneFromTheLibraryFails() {
		library("reste", 1000);
		var ids = List.of("reste", "supprimee");
		var found = this.checks.check(issueShowing(ids), Map.of("fr", rendered(ids)));
		assertThat(named(found, "imageLoads").outcome()).isEqualTo(Outcome.FAIL);
		assertThat(named(found, "imageLoads").reason())
			.isEqualTo("1 image(s) ne se chargent pas : l'image « supprimee » n'est plus dans la médiathèque.");
	}

	@Test
	void anIssueWithoutImagesPasses() {
		var found = this.checks.check(issueShowing(List.of()), Map.of("fr", rendered(List.of())));
		assertThat(named(found, "imageLoads").reason()).isEqualTo("Aucune image.");
		assertThat(named(found, "imageWeight").outcome()).isEqualTo(Outcome.PASS);
	}

}
