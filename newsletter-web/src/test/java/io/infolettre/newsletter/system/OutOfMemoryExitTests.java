package io.infolettre.newsletter.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process whose heap ran out must end rather than live on half dead. Each case runs a small JVM
 * with 32 MB of heap that runs out of it as the application's threads would, and keeps a thread
 * alive that would hold a half-dead process up for ever; the process must end, with its status.
 */
class OutOfMemoryExitTests {

	@ParameterizedTest
	@ValueSource(strings = { "thread-dies", "error-logged" })
	void theProcessEndsWithItsStatus(String how, @TempDir Path dir) throws Exception {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Path log = dir.resolve("victim.log");
		var process = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp", System.getProperty("java.class.path"),
				Victim.class.getName(), how)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		boolean ended = process.waitFor(30, TimeUnit.SECONDS);
		if (!ended) {
			process.destroyForcibly().waitFor();
		}
		String output = Files.readString(log);
		assertThat(ended).as("the process ended by itself: %s", output).isTrue();
		assertThat(process.exitValue()).as(output).isEqualTo(OutOfMemoryExit.STATUS);
		assertThat(output).contains("Mémoire épuisée");
	}

	@Test
	void findsTheErrorAmongTheCauses() {
		var wrapped = new IllegalStateException("Handler dispatch failed", new OutOfMemoryError("Java heap space"));
		assertThat(OutOfMemoryExit.causedByOutOfMemory(wrapped)).isTrue();
		assertThat(OutOfMemoryExit.causedByOutOfMemory(new IllegalStateException(new IOException()))).isFalse();
	}

	/** Runs out of memory on a thread of its own, while the main thread waits for ever. */
	public static final class Victim {

		public static void main(String[] args) throws Exception {
			OutOfMemoryExit.onUncaughtErrors();
			if (args[0].equals("thread-dies")) {
				new Thread(Victim::exhaust, "poller").start();
			}
			else {
				OutOfMemoryExit.onLoggedErrors();
				// as a web server or a scheduler does: the error is caught, logged, and the thread lives on
				Executors.newSingleThreadExecutor().execute(() -> {
					try {
						exhaust();
					}
					catch (Throwable ex) {
						LoggerFactory.getLogger(Victim.class).error("Tâche échouée", ex);
					}
				});
			}
			new CountDownLatch(1).await();
		}

		private static void exhaust() {
			List<long[]> hog = new ArrayList<>();
			while (true) {
				hog.add(new long[1 << 20]);
			}
		}

	}

}
