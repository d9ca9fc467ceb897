package io.infolettre.newsletter.support;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * What the application logs while a test runs (every logger, through Logback), for a test to
 * assert that something that is no error logs none.
 */
public final class LoggedEvents implements AutoCloseable {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private LoggedEvents() {
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	public static LoggedEvents record() {
		return new LoggedEvents();
	}

	/** The events logged as errors, or with a stack trace, as "LEVEL logger: message (exception)". */
	public List<String> errorsAndStackTraces() {
		List<ILoggingEvent> events;
		synchronized (this.appender) {
			events = List.copyOf(this.appender.list);
		}
		return events.stream()
			.filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR) || event.getThrowableProxy() != null)
			.map(event -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage()
					+ (event.getThrowableProxy() == null ? "" : " (" + event.getThrowableProxy().getClassName() + ")"))
			.toList();
	}

	@Override
	public void close() {
		this.root.detachAppender(this.appender);
		this.appender.stop();
	}

}
