package io.infolettre.newsletter.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.infolettre.embeddedmongo.EmbeddedMongoServer;
import io.infolettre.newsletter.support.AbstractIntegrationTests;
import io.infolettre.newsletter.support.KeepsEmbeddedMongo;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded MongoDB-wire server takes no password: it must be reachable from this machine only.
 * Its bound address is a loopback one, and the kernel's own table of listening sockets has no
 * socket on its port bound to any other address (0.0.0.0, ::, or an interface's), so a connection
 * to any other address of the machine finds nobody. Read from /proc rather than tried: this
 * workplace sends nothing to non-loopback addresses.
 */
@KeepsEmbeddedMongo
class EmbeddedMongoLoopbackIntegrationTests extends AbstractIntegrationTests {

	private static final String LISTEN = "0A";

	@Autowired
	EmbeddedMongoServer embeddedMongoServer;

	@Test
	void theEmbeddedDatabaseListensOnLoopbackOnly() throws IOException {
		var address = this.embeddedMongoServer.address();
		assertThat(address.getAddress().isLoopbackAddress()).as(address.toString()).isTrue();

		List<String> listening = listeningAddresses(address.getPort());
		assertThat(listening).as("sockets listening on port " + address.getPort()).isNotEmpty()
			// 127.0.0.1, ::1, ::ffff:127.0.0.1
			.allSatisfy(local -> assertThat(local).isIn("0100007F", "00000000000000000000000001000000",
					"0000000000000000FFFF00000100007F"));
	}

	/** The local addresses (hexadecimal, as /proc/net/tcp writes them) of the sockets listening on a port. */
	private static List<String> listeningAddresses(int port) throws IOException {
		String portHex = String.format(Locale.ROOT, "%04X", port);
		List<String> addresses = new ArrayList<>();
		for (String table : new String[] { "/proc/net/tcp", "/proc/net/tcp6" }) {
			Path path = Path.of(table);
			if (!Files.exists(path)) {
				continue;
			}
			// read once: a socket opened between two readings would shift the lines
			var lines = Files.readAllLines(path);
			for (String line : lines.subList(1, lines.size())) {
				String[] fields = line.trim().split("\\s+");
				String[] local = fields[1].split(":");
				if (local[1].equals(portHex) && fields[3].equals(LISTEN)) {
					addresses.add(local[0]);
				}
			}
		}
		return addresses;
	}

}
