package io.infolettre.newsletter.media;

import java.util.List;

/** A deletion refused because the image is used; {@link #uses()} says where. */
public class MediaInUse extends RuntimeException {

	private final List<MediaUse> uses;

	public MediaInUse(String mediaId, List<MediaUse> uses) {
		super(message(uses));
		this.uses = List.copyOf(uses);
	}

	public List<MediaUse> uses() {
		return this.uses;
	}

	// the first few by their titles: « A », « B » et 3 autres
	private static String message(List<MediaUse> uses) {
		List<String> titles = uses.stream().limit(3).map(use -> "« " + use.title() + " »").toList();
		String named = titles.size() == 1 ? titles.get(0)
				: String.join(", ", titles.subList(0, titles.size() - 1)) + " et " + titles.get(titles.size() - 1);
		if (uses.size() > titles.size()) {
			named = String.join(", ", titles) + " et " + (uses.size() - titles.size()) + " autre"
					+ (uses.size() - titles.size() > 1 ? "s" : "");
		}
		return "L’image est utilisée par " + named + " : retirez-la " + (uses.size() == 1 ? "" : "de chacun ")
				+ "avant de la supprimer.";
	}

}
