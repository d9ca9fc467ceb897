package io.infolettre.newsletter.tracking;

/**
 * How much an installation learns of what members do with its messages (Quebec's Law 25: privacy by
 * default is the installation's choice, and each member may refuse it for themselves).
 */
public enum TrackingMode {

	/** Opens and clicks are recorded for each recipient (who read it, who clicked). */
	INDIVIDUAL,

	/** Opens and clicks are counted for the issue, never tied to the person. */
	ANONYMOUS,

	/** No pixel, no rewritten links: nothing is recorded. */
	OFF

}
