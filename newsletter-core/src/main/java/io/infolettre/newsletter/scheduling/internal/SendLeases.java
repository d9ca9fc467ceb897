package io.infolettre.newsletter.scheduling.internal;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.infolettre.newsletter.delivery.spi.SendClaims;
import io.infolettre.newsletter.scheduling.SchedulingSettings;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Which application instance runs an issue's send. Several instances share one MongoDB and each has
 * its own Quartz triggers; the one that takes the issue's lease (a document with an expiry, in
 * {@code send_leases}) sends it, the others stay out. The holder renews its leases while it sends; a
 * lease that is not renewed (its instance died) expires, and another instance takes the send over.
 * <p>
 * A lease held by a process of this host that no longer runs is free at once: a single instance
 * restarted after a crash resumes its sends without waiting for the expiry.
 */
@Component
class SendLeases implements SendClaims, DisposableBean {

	static final String COLLECTION = "send_leases";

	private static final Logger log = LoggerFactory.getLogger(SendLeases.class);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Duration duration;

	private final Owner me = Owner.thisProcess();

	private final Set<String> held = ConcurrentHashMap.newKeySet();

	private final Set<String> lost = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService renewal;

	SendLeases(MongoTemplate mongo, Clock clock, SchedulingSettings settings) {
		this.mongo = mongo;
		this.clock = clock;
		this.duration = settings.leaseDuration();
		LIVE_IN_THIS_PROCESS.add(this.me.instance());
		// its own thread: renewals must go on while every Quartz thread is busy sending
		this.renewal = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "send-lease-renewal");
			thread.setDaemon(true);
			return thread;
		});
		long every = Math.max(1000, this.duration.toMillis() / 3);
		this.renewal.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * Takes the issue's lease if it is free, expired, or held by a dead process of this host. Not
	 * re-entrant: while one thread of this instance holds it, another one does not get it either.
	 */
	boolean tryAcquire(String issueId) {
		if (this.held.contains(issueId)) {
			return false;
		}
		boolean acquired = takeOver(issueId);
		if (acquired) {
			this.held.add(issueId);
			this.lost.remove(issueId);
		}
		return acquired;
	}

	private boolean takeOver(String issueId) {
		Instant now = this.clock.instant();
		try {
			this.mongo.insert(lease(issueId, now), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			// someone holds it, or held it: take it only if that holder is gone, and only as it was seen
		}
		Document current = this.mongo.findById(key(issueId), Document.class, COLLECTION);
		if (current == null) {
			return tryInsertOnce(issueId, now);
		}
		Owner holder = Owner.of(current);
		Date expiresAt = current.getDate("expiresAt");
		boolean free = holder.equals(this.me) || !expiresAt.toInstant().isAfter(now) || holder.isDeadProcessOf(this.me);
		if (!free) {
			return false;
		}
		var seen = Query.query(Criteria.where("_id")
			.is(key(issueId))
			.and("instance")
			.is(holder.instance())
			.and("expiresAt")
			.is(expiresAt));
		var update = new Update().set("instance", this.me.instance())
			.set("host", this.me.host())
			.set("pid", this.me.pid())
			.set("acquiredAt", Date.from(now))
			.set("expiresAt", Date.from(now.plus(this.duration)));
		return this.mongo.updateFirst(seen, update, COLLECTION).getMatchedCount() == 1;
	}

	private boolean tryInsertOnce(String issueId, Instant now) {
		try {
			this.mongo.insert(lease(issueId, now), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** Gives the lease back, if this instance still holds it. */
	void release(String issueId) {
		this.held.remove(issueId);
		this.lost.remove(issueId);
		this.mongo.remove(Query.query(Criteria.where("_id").is(key(issueId)).and("instance").is(this.me.instance())),
				COLLECTION);
	}

	/** Whether this instance holds the issue's lease and has not lost it (renewal failed, another took it). */
	@Override
	public boolean holds(String issueId) {
		return this.held.contains(issueId) && !this.lost.contains(issueId);
	}

	@EventListener(ContextClosedEvent.class)
	void stopping() {
		if (!this.held.isEmpty()) {
			log.info("Stopping: sends {} end between two messages and resume at the next start (or on another "
					+ "instance)", this.held);
		}
	}

	private void renewAll() {
		Instant now = this.clock.instant();
		for (String issueId : this.held) {
			try {
				var mine = Query.query(Criteria.where("_id").is(key(issueId)).and("instance").is(this.me.instance()));
				long matched = this.mongo
					.updateFirst(mine, new Update().set("expiresAt", Date.from(now.plus(this.duration))), COLLECTION)
					.getMatchedCount();
				if (matched == 0 && this.held.contains(issueId) && this.lost.add(issueId)) {
					log.warn("Lost the lease on issue {}: another instance took its send over; stopping here", issueId);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Cannot renew the lease on issue {}: {}", issueId, ex.toString());
			}
		}
	}

	// Not the bare issue id: Spring Data would query a string that looks like an ObjectId as an ObjectId.
	private static String key(String issueId) {
		return "send:" + issueId;
	}

	private Document lease(String issueId, Instant now) {
		return new Document("_id", key(issueId)).append("issueId", issueId).append("instance", this.me.instance())
			.append("host", this.me.host())
			.append("pid", this.me.pid())
			.append("acquiredAt", Date.from(now))
			.append("expiresAt", Date.from(now.plus(this.duration)));
	}

	@Override
	public void destroy() {
		this.renewal.shutdownNow();
		LIVE_IN_THIS_PROCESS.remove(this.me.instance());
		// Leases are not given back here: a send may still be winding down on a Quartz thread. Another
		// instance takes them over when they expire (or at once on this host: this process is gone).
	}

	// Instances (application contexts) running in this JVM: tests run two in one process.
	private static final Set<String> LIVE_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

	/** An application instance: a random id per start, and where it runs. */
	record Owner(String instance, String host, long pid) {

		static Owner thisProcess() {
			return new Owner(UUID.randomUUID().toString(), hostName(), ProcessHandle.current().pid());
		}

		static Owner of(Document lease) {
			Number pid = (Number) lease.get("pid");
			return new Owner(lease.getString("instance"), lease.getString("host"), pid == null ? -1 : pid.longValue());
		}

		/**
		 * Another instance that ran on this host as a process that is gone (or whose process id is now
		 * ours: a container restarted with the same id).
		 */
		boolean isDeadProcessOf(Owner me) {
			if (this.instance.equals(me.instance) || !this.host.equals(me.host)) {
				return false;
			}
			if (this.pid == me.pid) {
				return !LIVE_IN_THIS_PROCESS.contains(this.instance);
			}
			return ProcessHandle.of(this.pid).map(process -> !process.isAlive()).orElse(true);
		}

		private static String hostName() {
			try {
				return InetAddress.getLocalHost().getHostName();
			}
			catch (UnknownHostException ex) {
				return ManagementFactory.getRuntimeMXBean().getName();
			}
		}

	}

}
