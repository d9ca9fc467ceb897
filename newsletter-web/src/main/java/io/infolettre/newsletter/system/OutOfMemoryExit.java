package io.infolettre.newsletter.system;

import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * After an {@link OutOfMemoryError} the process must end, so that its supervisor starts a fresh
 * one: a thread that died of it (the web server's poller, the database writer) leaves an
 * application that answers nothing and never recovers. The JVM's own
 * {@code -XX:+ExitOnOutOfMemoryError} is the sure way and the run command sets it; this is the net
 * under a process started without it. It ends the process when a thread dies of the error, and
 * when anything logs it: web server, Spring Batch and schedulers catch every {@link Throwable} and
 * log it, leaving the thread alive in a process that may be out of memory for good.
 */
public final class OutOfMemoryExit {

	/** The exit status: {@code systemd}'s {@code Restart=on-failure} restarts on any but 0. */
	public static final int STATUS = 3;

	private static final String JVM_FLAG = "-XX:+ExitOnOutOfMemoryError";

	private OutOfMemoryExit() {
	}

	/** For threads that die of it; called first thing in {@code main}. */
	public static void onUncaughtErrors() {
		Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
		Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
			if (causedByOutOfMemory(error)) {
				halt(thread.getName());
			}
			if (previous != null) {
				previous.uncaughtException(thread, error);
			}
			else {
				error.printStackTrace();
			}
		});
	}

	/**
	 * For errors caught and logged: a filter in front of every log call. Logging is set up by Spring
	 * Boot after {@code main} starts, so this is called once it is, by a bean.
	 */
	public static void onLoggedErrors() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback && logback.getTurboFilterList()
			.stream()
			.noneMatch(LoggedOutOfMemory.class::isInstance)) {
			var filter = new LoggedOutOfMemory();
			filter.setName("out-of-memory-exit");
			filter.start();
			logback.addTurboFilter(filter);
		}
	}

	/** Whether the JVM was started with the flag that makes it exit by itself. */
	public static boolean jvmExitsByItself() {
		return ManagementFactory.getRuntimeMXBean().getInputArguments().contains(JVM_FLAG);
	}

	static boolean causedByOutOfMemory(Throwable error) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
			if (t instanceof OutOfMemoryError) {
				return true;
			}
		}
		return false;
	}

	// No logging, no allocation worth the name: the heap may be full. halt() skips shutdown hooks,
	// which could need memory too; what the application wrote is durable (see DurableH2Backend).
	private static void halt(String where) {
		try {
			System.err.println("Mémoire épuisée (" + where + ") : arrêt immédiat pour qu’un superviseur relance l’application.");
		}
		finally {
			Runtime.getRuntime().halt(STATUS);
		}
	}

	private static final class LoggedOutOfMemory extends TurboFilter {

		@Override
		public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
				Throwable t) {
			Throwable logged = t;
			if (logged == null && params != null && params.length > 0
					&& params[params.length - 1] instanceof Throwable last) {
				logged = last;
			}
			if (logged != null && causedByOutOfMemory(logged)) {
				halt(Thread.currentThread().getName());
			}
			return FilterReply.NEUTRAL;
		}

	}

}
