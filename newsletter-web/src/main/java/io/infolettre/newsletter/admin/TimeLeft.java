package io.infolettre.newsletter.admin;

/**
 * The time a send still needs, rounded as a person says it: "≈ 45 s", "≈ 2 min 30 s",
 * "≈ 1 h 05 min"; "—" when it cannot be told. The unit symbols are the same in French and English.
 */
final class TimeLeft {

	static final String UNKNOWN = "—";

	private TimeLeft() {
	}

	static String format(long seconds) {
		if (seconds < 0) {
			return UNKNOWN;
		}
		if (seconds < 60) {
			return "≈ " + seconds + " s";
		}
		if (seconds < 3600) {
			long minutes = seconds / 60;
			long rest = seconds % 60;
			// beyond ten minutes, seconds are noise
			return minutes >= 10 || rest == 0 ? "≈ " + minutes + " min" : "≈ " + minutes + " min " + rest + " s";
		}
		long minutes = (seconds + 59) / 60;
		return "≈ %d h %02d min".formatted(minutes / 60, minutes % 60);
	}

}
