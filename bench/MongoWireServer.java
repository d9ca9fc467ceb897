import java.net.InetSocketAddress;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * A MongoDB-wire server in a process of its own, for the benchmarks that need the database apart from
 * the application, as a real MongoDB would be (bench/report.sh, bench/send.sh --database-process):
 * mongo-java-server with its H2 store in memory, on 127.0.0.1:PORT, until killed. Run from source
 * with the application jar's libraries on the class path:
 *
 *   java -cp 'lib/*' bench/MongoWireServer.java PORT
 *
 * In memory: the H2 file store failed a long count right after a million inserts ("Chunk … not found").
 * A port of the caller's choosing (mongo-java-server's own main always takes 27017, which another
 * run on the same machine may hold).
 */
public class MongoWireServer {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		MongoServer server = new MongoServer(H2Backend.inMemory());
		server.bind(new InetSocketAddress("127.0.0.1", port));
		System.out.println("database ready on 127.0.0.1:" + port);
		Thread.currentThread().join();
	}

}
