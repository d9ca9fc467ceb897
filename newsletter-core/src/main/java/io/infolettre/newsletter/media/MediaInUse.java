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

	private static String message(List<MediaUse> uses) {
		return uses.size() == 1 ? "L’image est utilisée par « " + uses.get(0).title() + " » : retirez-la avant de la supprimer."
				: "L’image est utilisée à " + uses.size() + " endroits : retirez-la de chacun avant de la supprimer.";
	}

}
