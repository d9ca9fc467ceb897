package io.infolettre.newsletter.composition;

/**
 * One item of the checklist shown before an issue is scheduled or sent.
 *
 * @param name what is checked ({@code sender}, {@code subject.fr}, {@code render}, {@code unsubscribe},
 * {@code links}, {@code images}, {@code size}, {@code spam}, {@code text})
 * @param language the variant it is about, or {@code null} for the whole issue
 * @param reason what was found, for the coordinator to act on
 */
public record PreflightCheck(String name, String language, Outcome outcome, String reason) {

	public enum Outcome {

		/** Fine. */
		PASS,

		/** Worth a look; does not stop the send. */
		WARN,

		/** Stops the send until it is fixed. */
		FAIL

	}

	static PreflightCheck pass(String name, String language, String reason) {
		return new PreflightCheck(name, language, Outcome.PASS, reason);
	}

	static PreflightCheck warn(String name, String language, String reason) {
		return new PreflightCheck(name, language, Outcome.WARN, reason);
	}

	static PreflightCheck fail(String name, String language, String reason) {
		return new PreflightCheck(name, language, Outcome.FAIL, reason);
	}

}
