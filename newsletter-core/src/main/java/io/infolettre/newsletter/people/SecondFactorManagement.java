package io.infolettre.newsletter.people;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.stereotype.Service;

/**
 * A person's second factor from enrolment to use: a new key (shown as a QR code and as text), turned
 * on only once the person types a code it makes, with ten single-use recovery codes shown that once
 * and kept only as hashes; then a code at each login. A code is accepted for the current 30-second
 * step and the one before and after (clocks of phones drift), and only for a step later than the
 * last one accepted: a code seen over a shoulder or in a log cannot be used again.
 */
@Service
public class SecondFactorManagement {

	public static final int RECOVERY_CODES = 10;

	private static final String ISSUER = "Infolettre";

	// no 0/o, 1/l/i: a recovery code is read from paper
	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final SecondFactors store;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	public SecondFactorManagement(SecondFactors store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	public boolean isActive(String personId) {
		return this.store.find(personId).map(SecondFactor::active).orElse(false);
	}

	public Optional<SecondFactor> find(String personId) {
		return this.store.find(personId);
	}

	/**
	 * A new key for the person's app, replacing an enrolment not confirmed.
	 * @param account how the app names the account (the person's login)
	 * @return empty when the second factor is already on (it is turned off first, with a code)
	 */
	public Optional<Enrolment> begin(String personId, String account) {
		String secret = SecondFactorTotp.newSecret(this.random);
		return this.store.begin(personId, secret) ? Optional.of(enrolment(secret, account)) : Optional.empty();
	}

	/** The enrolment waiting for its confirming code, if any. */
	public Optional<Enrolment> pending(String personId, String account) {
		return this.store.find(personId).filter(factor -> !factor.active()).map(factor -> enrolment(factor.secret(), account));
	}

	/**
	 * Turns the second factor on when the code is one of its key's.
	 * @return the recovery codes, to show once; empty when the code is wrong or nothing was waiting
	 */
	public Optional<List<String>> confirm(String personId, String code) {
		Optional<SecondFactor> pending = this.store.find(personId).filter(factor -> !factor.active());
		if (pending.isEmpty()) {
			return Optional.empty();
		}
		OptionalLong step = matchingStep(pending.get(), code);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String recovery = newRecoveryCode();
			codes.add(recovery);
			hashes.add(hash(recovery));
		}
		return this.store.activate(personId, step.getAsLong(), hashes) ? Optional.of(codes) : Optional.empty();
	}

	/**
	 * Whether this code (from the app, or a recovery code, which is then used up) proves the person's
	 * second factor. Always false when it is not on.
	 */
	public boolean check(String personId, String code) {
		Optional<SecondFactor> factor = this.store.find(personId).filter(SecondFactor::active);
		if (factor.isEmpty() || code == null) {
			return false;
		}
		String typed = normalise(code);
		if (typed.matches("\\d{6}")) {
			OptionalLong step = matchingStep(factor.get(), typed);
			return step.isPresent() && this.store.acceptStep(personId, step.getAsLong());
		}
		return typed.length() == 10 && this.store.useRecoveryCode(personId, hash(typed));
	}

	/** Turns the second factor off, when the code proves it. */
	public boolean disable(String personId, String code) {
		return check(personId, code) && this.store.remove(personId);
	}

	/**
	 * Removes a person's second factor without a code: an administrator's answer to a lost phone and
	 * lost recovery codes. The person logs in with their password alone and may enrol again (or must, when
	 * the team requires it of administrators).
	 * @return whether there was one
	 */
	public boolean reset(String personId) {
		return this.store.remove(personId);
	}

	/** Forgets an enrolment that was never confirmed (the person changed their mind). */
	public void abandon(String personId) {
		if (this.store.find(personId).filter(factor -> !factor.active()).isPresent()) {
			this.store.remove(personId);
		}
	}

	private OptionalLong matchingStep(SecondFactor factor, String code) {
		String typed = normalise(code);
		if (!typed.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long now = SecondFactorTotp.step(this.clock.instant());
		for (long step = now - 1; step <= now + 1; step++) {
			if (step > factor.lastAcceptedStep() && MessageDigest.isEqual(
					SecondFactorTotp.code(factor.secret(), step).getBytes(StandardCharsets.US_ASCII),
					typed.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	private String newRecoveryCode() {
		var code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(this.random.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	private static String normalise(String code) {
		return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

	/** Recovery codes carry 49 random bits and are tried under the login throttle: SHA-256 is enough. */
	private static String hash(String recoveryCode) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(normalise(recoveryCode).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Enrolment enrolment(String secret, String account) {
		String label = URLEncoder.encode(ISSUER + ":" + account, StandardCharsets.UTF_8).replace("+", "%20");
		return new Enrolment(secret, "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + ISSUER
				+ "&algorithm=SHA1&digits=6&period=" + SecondFactorTotp.STEP.getSeconds());
	}

	/**
	 * What the person's app needs: the key to type, and the same as an {@code otpauth://} URI for the
	 * QR code.
	 */
	public record Enrolment(String secret, String uri) {

		/** The key in groups of four, easier to type. */
		public String secretForReading() {
			return this.secret.replaceAll("(.{4})(?!$)", "$1 ");
		}

	}

}
