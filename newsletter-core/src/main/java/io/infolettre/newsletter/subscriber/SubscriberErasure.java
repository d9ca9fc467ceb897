package io.infolettre.newsletter.subscriber;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.infolettre.newsletter.subscriber.internal.ErasureStore;
import io.infolettre.newsletter.subscriber.internal.SubscriberStore;

import org.springframework.stereotype.Service;

/**
 * Erases a subscriber at their request (Quebec's Law 25): every {@link PersonalDataHolder} removes
 * what identifies them (the ledger keeps its statuses for the reports), the unsubscribe log keeps its
 * entries under a salted hash of the address, an anonymised entry records the erasure itself, then
 * the subscriber's document goes. Each step can run again, so an erasure interrupted half-way is
 * finished by asking again. The address may come back later only as a new subscriber, with a new
 * consent (adding a subscriber always requires one).
 */
@Service
public class SubscriberErasure {

	private static final String HMAC = "HmacSHA256";

	private final SubscriberStore store;

	private final UnsubscribeLog log;

	private final ErasureStore erasures;

	private final List<PersonalDataHolder> holders;

	private final Clock clock;

	private volatile byte[] salt;

	SubscriberErasure(SubscriberStore store, UnsubscribeLog log, ErasureStore erasures, List<PersonalDataHolder> holders,
			Clock clock) {
		this.store = store;
		this.log = log;
		this.erasures = erasures;
		this.holders = holders;
		this.clock = clock;
	}

	/**
	 * @param by who asked for it: the coordinator's user name, or the API caller's
	 * @throws SubscriberNotFoundException when no subscriber has this id (already erased)
	 */
	public Erasure erase(String subscriberId, String by) {
		Subscriber subscriber = this.store.findById(subscriberId)
			.orElseThrow(() -> new SubscriberNotFoundException(subscriberId));
		String hash = hash(subscriber.getEmail());
		for (PersonalDataHolder holder : this.holders) {
			holder.erase(subscriber);
		}
		this.log.anonymise(subscriberId, hash);
		Erasure erasure = this.erasures.record(this.clock.instant(), by, hash);
		this.store.delete(subscriberId);
		return erasure;
	}

	/** The erasures of this address, if it was ever erased. */
	public List<Erasure> erasuresOf(EmailAddress email) {
		return this.erasures.findByHash(hash(email));
	}

	/** The most recent erasures, newest first. */
	public List<Erasure> recent(int limit) {
		return this.erasures.recent(limit);
	}

	/** The salted hash an erased address is recorded under. */
	public String hash(EmailAddress email) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(salt(), HMAC));
			return HexFormat.of().formatHex(mac.doFinal(email.value().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// One salt per installation, made on first use and kept in the database (every node shares it).
	private byte[] salt() {
		byte[] known = this.salt;
		if (known == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			known = Base64.getDecoder().decode(this.erasures.saltOr(Base64.getEncoder().encodeToString(fresh)));
			this.salt = known;
		}
		return known;
	}


}
