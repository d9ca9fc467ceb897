package io.infolettre.newsletter.delivery.internal;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Whether the application is stopping: a send then ends between two messages and stays SENDING, so
 * that the next start (or another instance) resumes it with nothing in doubt.
 */
@Component
class ApplicationStop {

	private volatile boolean stopping;

	@EventListener(ContextClosedEvent.class)
	void stopping() {
		this.stopping = true;
	}

	boolean isStopping() {
		return this.stopping;
	}

}
