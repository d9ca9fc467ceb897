package io.infolettre.newsletter.scheduling.internal;

import io.infolettre.newsletter.delivery.SendPaused;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A send the engine paused until an instant (its window opens, the relay is to be tried again) gets
 * its trigger for that instant, as the pause is made. A plain listener on purpose: it runs on the
 * engine's thread before the pause returns, so no moment passes in which the issue waits with no
 * trigger (an asynchronous, transaction-bound module listener would not even be called here, where
 * no transaction is ever open).
 */
@Component
class EnginePauses {

	private final QuartzSendTrigger trigger;

	EnginePauses(QuartzSendTrigger trigger) {
		this.trigger = trigger;
	}

	@EventListener
	void on(SendPaused paused) {
		this.trigger.fireAt(paused.issueId(), paused.resumeAt());
	}

}
