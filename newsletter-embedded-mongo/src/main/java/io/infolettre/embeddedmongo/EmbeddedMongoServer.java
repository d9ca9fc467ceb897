package io.infolettre.embeddedmongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire server whose data is one H2 file (or memory): mongo-java-server with its H2 backend,
 * made durable ({@link DurableH2Backend}) and index-first ({@link IndexFirstH2Database}). It takes no
 * password: bind it to a loopback address. {@link #main} runs it as a process of its own.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

	private final DurableH2Backend backend;

	private final MongoServer server;

	private EmbeddedMongoServer(DurableH2Backend backend, MongoServer server) {
		this.backend = backend;
		this.server = server;
	}

	/** A server whose data is in this file, created if need be, read again at the next start. */
	public static Builder inFile(Path file) {
		return new Builder(file.toAbsolutePath());
	}

	/** A server whose data goes when it stops. */
	public static Builder inMemory() {
		return new Builder(null);
	}

	public InetSocketAddress address() {
		return this.server.getLocalAddress();
	}

	/** {@code mongodb://host:port}, without a database. */
	public String connectionString() {
		InetSocketAddress address = address();
		return "mongodb://" + address.getHostString() + ":" + address.getPort();
	}

	/** Stops listening, lets the commands under way end, and closes the store (its last commit). */
	public void stop() {
		this.server.shutdown();
	}

	@Override
	public void close() {
		stop();
	}

	DurableH2Backend backend() {
		return this.backend;
	}

	/**
	 * Runs the server until the process is stopped (SIGTERM or Ctrl-C close the store first), for
	 * example: {@code --port 27017 --file data/newsletter.mv --keep-values-of subscribers}.
	 */
	public static void main(String[] args) throws InterruptedException {
		ServerArguments arguments;
		try {
			arguments = ServerArguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(ServerArguments.USAGE);
			System.exit(2);
			return;
		}
		EmbeddedMongoServer server = arguments.builder().start();
		var stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.stop();
			stopped.countDown();
		}, "embedded-mongo-stop"));
		stopped.await();
	}

	public static final class Builder {

		private final Path file;

		private Set<String> keepValuesOf = Set.of();

		private int cacheMegabytes = defaultCacheMegabytes();

		private InetSocketAddress address = new InetSocketAddress("127.0.0.1", 0);

		private Builder(Path file) {
			this.file = file;
		}

		/**
		 * The collections whose indexed values are kept in memory: their counts, {@code distinct} and
		 * queries in {@code _id} order whose filter names only indexed fields are answered from memory.
		 */
		public Builder keepValuesOf(Collection<String> collections) {
			this.keepValuesOf = Set.copyOf(collections);
			return this;
		}

		/** The page cache of the file; by default an eighth of the heap, from H2's 16 MB to 256 MB. */
		public Builder cacheMegabytes(int megabytes) {
			this.cacheMegabytes = megabytes;
			return this;
		}

		/** By default 127.0.0.1 on a free port. */
		public Builder bind(String host, int port) {
			this.address = new InetSocketAddress(host, port);
			return this;
		}

		public EmbeddedMongoServer start() {
			var backend = DurableH2Backend.open(openStore(), this.keepValuesOf);
			var server = new MongoServer(backend);
			server.bind(this.address);
			log.info("Embedded MongoDB-wire server on {} with data in {}", server.getLocalAddress(),
					this.file != null ? this.file : "memory");
			return new EmbeddedMongoServer(backend, server);
		}

		private MVStore openStore() {
			if (this.file == null) {
				return new MVStore.Builder().open();
			}
			try {
				Files.createDirectories(this.file.getParent());
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot create the folder of " + this.file, ex);
			}
			// Compressed: a send commits after every confirmation and each commit appends its pages, so the
			// file grows fast between compactions (several GB for a million recipients without it); the LZF
			// share of a send's CPU (about 9 %) made no measurable difference to its rate.
			// Its page cache holds deserialised documents: a miss reads, decompresses and deserialises a page.
			// H2's default (16 MB) did not hold the ledger entries of a 20,000-recipient wave of opens.
			return new MVStore.Builder().fileName(this.file.toString())
				.compress()
				.cacheSize(this.cacheMegabytes)
				.open();
		}

		private static int defaultCacheMegabytes() {
			long heapMegabytes = Runtime.getRuntime().maxMemory() / (1024 * 1024);
			return (int) Math.max(16, Math.min(256, heapMegabytes / 8));
		}

	}

}
