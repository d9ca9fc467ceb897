package io.infolettre.newsletter.people;

import java.security.InvalidKeyException;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * The codes of RFC 6238 as every authenticator app makes them: HMAC-SHA1, six digits, 30-second
 * steps. A step is the number of 30-second periods since the epoch.
 */
final class SecondFactorTotp {

	static final Duration STEP = Duration.ofSeconds(30);

	private static final TimeBasedOneTimePasswordGenerator CODES = new TimeBasedOneTimePasswordGenerator(STEP, 6,
			TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

	private SecondFactorTotp() {
	}

	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP.getSeconds());
	}

	/** The code of this step for this key (Base32). */
	static String code(String secret, long step) {
		Key key = new SecretKeySpec(new Base32().decode(secret), CODES.getAlgorithm());
		try {
			return CODES.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.getSeconds()));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("A second factor key that HMAC-SHA1 refuses", ex);
		}
	}

	/** A new key of 160 bits (the size RFC 4226 recommends), in Base32 without padding. */
	static String newSecret(java.security.SecureRandom random) {
		byte[] key = new byte[20];
		random.nextBytes(key);
		return new Base32().encodeToString(key).replace("=", "");
	}

}
