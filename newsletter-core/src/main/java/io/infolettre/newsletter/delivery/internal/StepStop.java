package io.infolettre.newsletter.delivery.internal;

import org.springframework.batch.core.step.StepExecution;

/**
 * Ends the send step once the chunk in hand is written, as a stop rather than a failure: the chunk
 * is recorded and checkpointed as usual, then the step and its job end STOPPED, which Batch restarts
 * like a failed run, with no rollback and no error in the log. A pause, a cancel, the end of a send
 * window or a relay out of reach is no error.
 */
final class StepStop {

	private final Runnable stop;

	StepStop(Runnable stop) {
		this.stop = stop;
	}

	static StepStop of(StepExecution step) {
		return new StepStop(step::setTerminateOnly);
	}

	void afterThisChunk() {
		this.stop.run();
	}

}
