package io.infolettre.embeddedmongo;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** The command line of {@link EmbeddedMongoServer#main}. */
record ServerArguments(String host, int port, Path file, Set<String> keepValuesOf, Integer cacheMegabytes) {

	static final String USAGE = """
			Usage: EmbeddedMongoServer (--file FILE | --in-memory) [--port 27017] [--bind 127.0.0.1]
			                           [--keep-values-of COLLECTION,...] [--cache-mb MEGABYTES]
			  --file            the H2 file of the data (an application's data folder holds newsletter.mv)
			  --in-memory       no file: the data goes when the process stops
			  --port            0 for a free port (written in the log)
			  --bind            the server takes no password: keep it on a loopback address
			  --keep-values-of  the collections whose indexed values are kept in memory (the application's: subscribers)
			  --cache-mb        the file's page cache, by default an eighth of the heap (16 to 256)""";

	static ServerArguments parse(String... args) {
		String host = "127.0.0.1";
		int port = 27017;
		Path file = null;
		boolean inMemory = false;
		Set<String> keepValuesOf = Set.of();
		Integer cacheMegabytes = null;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("--in-memory")) {
				inMemory = true;
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("Missing value after " + option);
			}
			String value = args[++i];
			switch (option) {
				case "--file" -> file = Path.of(value);
				case "--port" -> port = number(option, value);
				case "--bind" -> host = value;
				case "--keep-values-of" -> keepValuesOf = Set.copyOf(names(value));
				case "--cache-mb" -> cacheMegabytes = number(option, value);
				default -> throw new IllegalArgumentException("Unknown option " + option);
			}
		}
		if ((file == null) == !inMemory) {
			throw new IllegalArgumentException("Give either --file FILE or --in-memory");
		}
		return new ServerArguments(host, port, file, keepValuesOf, cacheMegabytes);
	}

	EmbeddedMongoServer.Builder builder() {
		var builder = (this.file != null) ? EmbeddedMongoServer.inFile(this.file) : EmbeddedMongoServer.inMemory();
		builder.bind(this.host, this.port).keepValuesOf(this.keepValuesOf);
		if (this.cacheMegabytes != null) {
			builder.cacheMegabytes(this.cacheMegabytes);
		}
		return builder;
	}

	private static int number(String option, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " takes a number, not " + value);
		}
	}

	private static List<String> names(String value) {
		return Arrays.stream(value.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
	}

}
