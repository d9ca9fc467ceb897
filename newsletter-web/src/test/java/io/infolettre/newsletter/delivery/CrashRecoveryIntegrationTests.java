package io.infolettre.newsletter.delivery;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;

import io.infolettre.newsletter.NewsletterApplication;
import io.infolettre.newsletter.fixtures.FaultySmtpServer;
import io.infolettre.newsletter.fixtures.TestDatabase;
import io.infolettre.newsletter.support.NewsletterIntegrationTest;
import io.infolettre.newsletter.support.TestHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application in a JVM of its own sends an issue to a capturing SMTP server and is killed with
 * SIGKILL at random points of the send, then started again on the same data: the send resumes by
 * itself, nobody is missing, and duplicates are at most the messages that were on the wire at each
 * kill (one per connection), each marked as a possible duplicate in the ledger. The data is in the
 * embedded server's file, killed with the application, or with NEWSLETTER_TEST_MONGODB_URI set in one
 * database of that server, which outlives the application as a real MongoDB does.
 */
class CrashRecoveryIntegrationTests {

	private static final int MEMBERS = 1500;

	private static final int KILLS = 3;

	private static final int CONNECTIONS = 4;

	private final ObjectMapper json = JsonMapper.builder().build();

	private final long seed = System.nanoTime();

	private final Random random = new Random(this.seed);

	private final List<Path> logs = new ArrayList<>();

	// under target/, kept after the run: the applications' logs are the evidence when it fails
	private final Path work = Path.of("target", "crash-recovery", String.valueOf(this.seed));

	private final Optional<String> database = TestDatabase.freshDatabase();

	private FaultySmtpServer smtp;

	private Process application;

	@BeforeEach
	void start() throws IOException {
		Files.createDirectories(this.work);
		this.smtp = new FaultySmtpServer();
		// a little latency per message, as a real relay has, so that kills land mid-send
		this.smtp.faults().dataReplyDelay(Duration.ofMillis(3));
	}

	@AfterEach
	void stop() throws Exception {
		if (this.application != null) {
			this.application.destroyForcibly().waitFor();
		}
		this.smtp.close();
	}

	@Test
	void killedAtRandomPointsTheSendResumesAndEveryMemberReceivesTheIssue() throws Exception {
		int port = freePort();
		Path data = this.work.resolve("data");
		this.application = startApplication(port, data);
		TestHttp http = new TestHttp(port);
		String issueId = createIssueFor(http, MEMBERS);
		assertThat(http.api("POST", "/api/v1/issues/" + issueId + "/send").statusCode()).isEqualTo(202);

		for (int kill = 1; kill <= KILLS; kill++) {
			int killAt = (MEMBERS * kill / (KILLS + 1)) - this.random.nextInt(MEMBERS / (2 * (KILLS + 1)));
			await("the send reaching " + killAt + " messages (seed " + this.seed + ")").atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(2))
				.until(() -> this.smtp.acceptedCount() >= killAt);
			this.application.destroyForcibly().waitFor();
			int acceptedAtKill = this.smtp.acceptedCount();
			assertThat(acceptedAtKill).as("killed mid-send (seed %d, logs %s)", this.seed, this.logs).isLessThan(MEMBERS);
			this.application = startApplication(port, data);
		}

		await("the resumed send ending (seed " + this.seed + ", logs " + this.logs + ")").atMost(Duration.ofSeconds(180))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> "SENT".equals(issue(http, issueId).get("status").asString()));

		Map<String, Integer> perRecipient = this.smtp.acceptedPerRecipient();
		assertThat(perRecipient).as("nobody missing (seed %d)", this.seed).hasSize(MEMBERS);
		int duplicates = this.smtp.acceptedCount() - MEMBERS;
		assertThat(duplicates).as("duplicates bounded by what was on the wire (seed %d)", this.seed)
			.isLessThanOrEqualTo(KILLS * CONNECTIONS);
		List<String> marked = new ArrayList<>();
		for (int page = 0; page * 500 < MEMBERS; page++) {
			var entries = this.json.readTree(http
				.api("GET", "/api/v1/issues/" + issueId + "/deliveries?status=sent&size=500&page=" + page)
				.body());
			entries.get("items").forEach(entry -> {
				if (entry.get("possibleDuplicate").asBoolean()) {
					marked.add(entry.get("email").asString());
				}
			});
		}
		perRecipient.forEach((to, count) -> {
			if (count > 1) {
				assertThat(marked).as("a duplicate is marked in the ledger (seed %d)", this.seed).contains(to);
			}
		});
		System.out.printf("Crash recovery (seed %d): %d kills, %d duplicates, %d marked as possible duplicates%n",
				this.seed, KILLS, duplicates, marked.size());
		assertThat(marked).as("only what was on the wire is marked").hasSizeLessThanOrEqualTo(KILLS * CONNECTIONS);
		JsonNode progress = issue(http, issueId).get("progress");
		assertThat(progress.get("sent").asInt()).isEqualTo(MEMBERS);
		assertThat(progress.get("pending").asInt()).isZero();
		assertThat(progress.get("failed").asInt()).isZero();
	}

	private String createIssueFor(TestHttp http, int members) throws Exception {
		for (int from = 0; from < members; from += 500) {
			var batch = this.json.createArrayNode();
			IntStream.range(from, Math.min(members, from + 500))
				.forEach(i -> batch.addObject()
					.put("email", "membre" + i + "@crash.exemple.ca")
					.put("firstName", "Hélène " + i)
					.put("company", "Usinage du Fjord " + i)
					.putArray("lists")
					.add("crash"));
			var added = http.api("POST", "/api/v1/subscribers", this.json.writeValueAsString(batch));
			assertThat(added.statusCode()).isEqualTo(200);
		}
		var draft = this.json.createObjectNode()
			.put("title", "Infolettre — arrêt brutal")
			.put("subject", "Nouvelles de la zone industrielle")
			.put("body", "Bonjour ${firstName},\n\nVoici les nouvelles du mois.")
			.put("list", "crash");
		HttpResponse<String> created = http.api("POST", "/api/v1/issues", this.json.writeValueAsString(draft));
		assertThat(created.statusCode()).isEqualTo(201);
		return this.json.readTree(created.body()).get("id").asString();
	}

	private JsonNode issue(TestHttp http, String issueId) {
		return this.json.readTree(http.api("GET", "/api/v1/issues/" + issueId).body());
	}

	// The real application, in a JVM of its own, on the test's class path.
	private Process startApplication(int port, Path data) throws IOException {
		Path log = this.work.resolve("application-" + (this.logs.size() + 1) + ".log");
		this.logs.add(log);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), NewsletterApplication.class.getName(), "--server.port=" + port,
				"--newsletter.data-dir=" + data, "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + this.smtp.port(), "--newsletter.demo.enabled=false",
				"--newsletter.admin.username=" + NewsletterIntegrationTest.ADMIN,
				"--newsletter.admin.password=" + NewsletterIntegrationTest.PASSWORD,
				"--newsletter.delivery.connections=" + CONNECTIONS, "--newsletter.tracking.public-url=http://localhost:" + port));
		this.database.ifPresent(uri -> command.add("--newsletter.mongodb.uri=" + uri));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		TestHttp http = new TestHttp(port);
		await("the application starting (log " + log + ")").atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.until(() -> {
				assertThat(process.isAlive()).as("application alive, see " + log).isTrue();
				return http.get("/actuator/health").statusCode() == 200;
			});
		return process;
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
