package io.infolettre.newsletter.rendering.internal;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import freemarker.core._CoreAPI;
import freemarker.template.Template;

/**
 * How long rendering one message may take and how much text it may produce. A template that loops
 * for ever or writes gigabytes must fail its render, not hold a thread or fill the heap: every
 * template gets FreeMarker's interruption checks in its loops and macros ({@link #prepare}), a
 * watchdog interrupts a render past its deadline, and {@link #writer} refuses text past its size.
 */
final class RenderBudget {

	private static final long WATCH_PERIOD_MS = 100;

	private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(runnable -> {
		var thread = new Thread(runnable, "template-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private static final Set<Render> RUNNING = ConcurrentHashMap.newKeySet();

	// Template keeps Object's identity: a template reloaded by the cache is a new key
	private static final Map<Template, Boolean> PREPARED = new WeakHashMap<>();

	static {
		WATCHDOG.scheduleWithFixedDelay(RenderBudget::interruptLate, WATCH_PERIOD_MS, WATCH_PERIOD_MS,
				TimeUnit.MILLISECONDS);
	}

	private final Duration timeout;

	private final int maxChars;

	RenderBudget(Duration timeout, int maxChars) {
		this.timeout = timeout;
		this.maxChars = maxChars;
	}

	Duration timeout() {
		return this.timeout;
	}

	int maxChars() {
		return this.maxChars;
	}

	/**
	 * Adds FreeMarker's checks of the thread's interruption to the loops and macros of a template,
	 * once: layouts come from FreeMarker's cache, shared by every render.
	 */
	static Template prepare(Template template) {
		synchronized (PREPARED) {
			if (PREPARED.put(template, Boolean.TRUE) == null) {
				_CoreAPI.addThreadInterruptedChecks(template);
			}
		}
		return template;
	}

	/** Starts timing a render on this thread; close it when the render ends, however it ends. */
	Render start() {
		var render = new Render(Thread.currentThread(), System.nanoTime() + this.timeout.toNanos());
		RUNNING.add(render);
		return render;
	}

	/** A writer for one part of the message, refusing what goes past the size allowed or the deadline. */
	LimitedWriter writer(Render render) {
		return new LimitedWriter(this.maxChars, render);
	}

	private static void interruptLate() {
		long now = System.nanoTime();
		for (Render render : RUNNING) {
			if (now - render.deadline > 0) {
				render.interrupt();
			}
		}
	}

	static final class Render implements AutoCloseable {

		private final Thread thread;

		private final long deadline;

		private boolean finished;

		private boolean interrupted;

		Render(Thread thread, long deadline) {
			this.thread = thread;
			this.deadline = deadline;
		}

		private synchronized void interrupt() {
			if (!this.finished && !this.interrupted) {
				this.interrupted = true;
				this.thread.interrupt();
			}
		}

		private boolean pastDeadline() {
			return System.nanoTime() - this.deadline > 0;
		}

		/** Whether the watchdog stopped this render. */
		synchronized boolean late() {
			return this.interrupted;
		}

		/**
		 * Ends the render. The watchdog interrupts only under this lock, so once this returns no
		 * interruption of ours is left on the thread to break its next wait.
		 */
		@Override
		public synchronized void close() {
			this.finished = true;
			RUNNING.remove(this);
			if (this.interrupted) {
				Thread.interrupted();
			}
		}

	}

	/** A {@link java.io.StringWriter} with a size past which writing fails. */
	static final class LimitedWriter extends Writer {

		private final StringBuilder text = new StringBuilder(4096);

		private final int max;

		private final Render render;

		LimitedWriter(int max, Render render) {
			this.max = max;
			this.render = render;
		}

		@Override
		public void write(char[] buffer, int offset, int length) throws IOException {
			ensureRoom(length);
			this.text.append(buffer, offset, length);
		}

		@Override
		public void write(String s, int offset, int length) throws IOException {
			ensureRoom(length);
			this.text.append(s, offset, offset + length);
		}

		@Override
		public void write(int c) throws IOException {
			ensureRoom(1);
			this.text.append((char) c);
		}

		// a loop in a file included at run time may lack the interruption checks: writing is checked too
		private void ensureRoom(int length) throws IOException {
			if (this.text.length() + (long) length > this.max) {
				throw new TooLong();
			}
			if (this.render.pastDeadline()) {
				this.render.interrupt();
				throw new TooSlow();
			}
		}

		@Override
		public void flush() {
		}

		@Override
		public void close() {
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

	/** Thrown by {@link LimitedWriter} through FreeMarker, which lets a writer's failure through. */
	static final class TooLong extends IOException {

		TooLong() {
			super("too long", null);
		}

	}

	/** Thrown by {@link LimitedWriter} past the deadline. */
	static final class TooSlow extends IOException {

		TooSlow() {
			super("too slow", null);
		}

	}

}
