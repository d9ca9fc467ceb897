package io.infolettre.newsletter.delivery;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the engine sends.
 *
 * @param chunkSize messages rendered, sent and recorded in the ledger per chunk
 * @param connections SMTP connections a send uses in parallel, each kept open for the whole send
 * @param freezeBatchSize ledger entries written per bulk operation when recipients are frozen
 * @param connectTimeout SMTP connection timeout
 * @param readTimeout SMTP reply timeout
 * @param retry how a temporary failure (4xx reply, lost connection) is tried again
 * @param reconnect how a lane tries to get its connection back before the send pauses itself
 * @param pauseAfterFailures consecutive failed messages after which the send pauses itself (the relay
 * is in trouble: better to stop than to burn through the list)
 * @param hardBouncesBeforeBounced permanent refusals of an address after which its subscriber is
 * marked BOUNCED
 * @param inFlightAfterCrash what happens to messages that were on the wire when the application died
 * @param resumeOnStartup whether a send interrupted by a crash or a stop resumes by itself at start
 * @param rateLimit the most the relay accepts from us (0 = no limit)
 * @param renderThreads threads rendering messages in parallel (the number of processors by default)
 * @param fallbackRelays relays tried in order when the main one cannot be reached; a connection goes
 * back to the main relay as soon as it answers again
 * @param relayRecovery how a send paused because no relay could be reached resumes by itself
 */
@ConfigurationProperties("newsletter.delivery")
public record DeliverySettings(Integer chunkSize, Integer connections, Integer freezeBatchSize,
		Duration connectTimeout, Duration readTimeout, Retry retry, Retry reconnect, Integer pauseAfterFailures,
		Integer hardBouncesBeforeBounced, InFlightAfterCrash inFlightAfterCrash, Boolean resumeOnStartup,
		RateLimit rateLimit, Integer renderThreads, List<SmtpRelay> fallbackRelays, RelayRecovery relayRecovery) {

	public DeliverySettings {
		chunkSize = chunkSize == null ? 100 : chunkSize;
		connections = connections == null ? 4 : Math.max(1, connections);
		freezeBatchSize = freezeBatchSize == null ? 1000 : freezeBatchSize;
		connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
		readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
		retry = Retry.withDefaults(retry, 4, Duration.ofMinutes(1), 2.0);
		reconnect = Retry.withDefaults(reconnect, 4, Duration.ofSeconds(2), 2.0);
		pauseAfterFailures = pauseAfterFailures == null ? 25 : Math.max(1, pauseAfterFailures);
		hardBouncesBeforeBounced = hardBouncesBeforeBounced == null ? 1 : Math.max(1, hardBouncesBeforeBounced);
		inFlightAfterCrash = inFlightAfterCrash == null ? InFlightAfterCrash.RESEND : inFlightAfterCrash;
		resumeOnStartup = resumeOnStartup == null || resumeOnStartup;
		rateLimit = rateLimit == null ? new RateLimit(0, 0) : rateLimit;
		renderThreads = renderThreads == null ? Runtime.getRuntime().availableProcessors() : Math.max(1, renderThreads);
		fallbackRelays = fallbackRelays == null ? List.of() : List.copyOf(fallbackRelays);
		relayRecovery = RelayRecovery.withDefaults(relayRecovery);
	}

	/** Every setting at its default. */
	public static DeliverySettings defaults() {
		return new DeliverySettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	/**
	 * @param attempts attempts in all, the first one included
	 * @param backoff wait before the second attempt
	 * @param multiplier growth of the wait from one attempt to the next
	 */
	public record Retry(Integer attempts, Duration backoff, Double multiplier) {

		public Retry {
			attempts = attempts == null ? null : Math.max(1, attempts);
			multiplier = multiplier == null ? null : Math.max(1.0, multiplier);
		}

		// Each use has its own defaults: setting one property keeps the others' defaults.
		static Retry withDefaults(Retry given, int attempts, Duration backoff, double multiplier) {
			if (given == null) {
				return new Retry(attempts, backoff, multiplier);
			}
			return new Retry(given.attempts() == null ? attempts : given.attempts(),
					given.backoff() == null ? backoff : given.backoff(),
					given.multiplier() == null ? multiplier : given.multiplier());
		}

		/** The wait after the given number of failed attempts (1 = after the first). */
		public Duration backoffAfter(int failedAttempts) {
			double factor = Math.pow(this.multiplier, Math.max(0, failedAttempts - 1));
			return Duration.ofMillis((long) Math.min(this.backoff.toMillis() * factor, Duration.ofHours(6).toMillis()));
		}

	}

	/**
	 * A send paused because no relay could be reached tries the relay again (connection and EHLO, no
	 * message) after {@code firstWait}, then after waits growing by {@code multiplier} up to
	 * {@code longestWait}, and resumes by itself as soon as it answers. When the relay has not taken a
	 * message for {@code giveUpAfter}, the send stays paused for a person.
	 */
	public record RelayRecovery(Duration firstWait, Double multiplier, Duration longestWait, Duration giveUpAfter) {

		static RelayRecovery withDefaults(RelayRecovery given) {
			RelayRecovery g = given == null ? new RelayRecovery(null, null, null, null) : given;
			return new RelayRecovery(g.firstWait() == null ? Duration.ofSeconds(30) : g.firstWait(),
					g.multiplier() == null ? 2.0 : Math.max(1.0, g.multiplier()),
					g.longestWait() == null ? Duration.ofMinutes(15) : g.longestWait(),
					g.giveUpAfter() == null ? Duration.ofHours(24) : g.giveUpAfter());
		}

		/** The wait before the next try, after {@code failedTries} tries that found the relay still down. */
		public Duration waitAfter(int failedTries) {
			double factor = Math.pow(this.multiplier, Math.max(0, failedTries));
			return Duration.ofMillis((long) Math.min(this.firstWait.toMillis() * factor, this.longestWait.toMillis()));
		}

	}

	/**
	 * @param perSecond messages per second at most, over all connections (0 = no limit)
	 * @param perHour messages per sliding hour at most (0 = no limit)
	 */
	public record RateLimit(Integer perSecond, Integer perHour) {

		public RateLimit {
			perSecond = perSecond == null ? 0 : Math.max(0, perSecond);
			perHour = perHour == null ? 0 : Math.max(0, perHour);
		}

	}

	/**
	 * A message claimed (in flight) but not confirmed when the application died may or may not have
	 * reached the relay. RESEND sends it again (at least once; it is marked possibly duplicated);
	 * HOLD leaves it UNCERTAIN for the coordinator to resend (at most once).
	 */
	public enum InFlightAfterCrash {

		RESEND, HOLD

	}

}
