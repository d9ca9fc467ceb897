package io.infolettre.newsletter.people;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor's rules, on a fixed clock: RFC 6238's own test vector, the window of one step
 * either side, a code refused once its step (or a later one) was used, recovery codes good once, and
 * nothing accepted before the enrolment is confirmed.
 */
class SecondFactorManagementTests {

	// RFC 6238, appendix B: the SHA-1 key "12345678901234567890", at 59 s the code is 94287082 (8 digits)
	@Test
	void makesTheCodesOfRfc6238() {
		String key = new org.apache.commons.codec.binary.Base32()
			.encodeToString("12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		assertThat(SecondFactorTotp.code(key, SecondFactorTotp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(SecondFactorTotp.code(key, SecondFactorTotp.step(Instant.ofEpochSecond(1111111109))))
			.isEqualTo("081804");
	}

	@Test
	void acceptsTheStepsAroundNowOnceEachAndNeverAnEarlierOne() {
		var store = new InMemorySecondFactors();
		var management = new SecondFactorManagement(store, Clock.fixed(Instant.ofEpochSecond(30_000_015L), ZoneOffset.UTC));
		long now = 1_000_000L;
		String key = management.begin("p1", "claire@exemple.ca").orElseThrow().secret();
		assertThat(management.check("p1", SecondFactorTotp.code(key, now))).as("not confirmed yet").isFalse();
		assertThat(management.confirm("p1", SecondFactorTotp.code(key, now - 2))).as("too old").isEmpty();
		assertThat(management.confirm("p1", SecondFactorTotp.code(key, now - 1))).hasValueSatisfying(
				codes -> assertThat(codes).hasSize(10).allMatch(code -> code.matches("[a-z2-9]{5}-[a-z2-9]{5}")));

		assertThat(management.check("p1", SecondFactorTotp.code(key, now - 1))).as("the confirming code again").isFalse();
		assertThat(management.check("p1", SecondFactorTotp.code(key, now + 2))).as("too far ahead").isFalse();
		assertThat(management.check("p1", SecondFactorTotp.code(key, now + 1))).isTrue();
		assertThat(management.check("p1", SecondFactorTotp.code(key, now))).as("earlier than one used").isFalse();
		assertThat(management.check("p1", SecondFactorTotp.code(key, now + 1))).as("replayed").isFalse();
		assertThat(management.begin("p1", "claire@exemple.ca")).as("on: a new key only after turning it off").isEmpty();
	}

	@Test
	void aRecoveryCodeWorksOnceWhateverItsCaseOrSpaces() {
		var store = new InMemorySecondFactors();
		var clock = Clock.fixed(Instant.ofEpochSecond(30_000_015L), ZoneOffset.UTC);
		var management = new SecondFactorManagement(store, clock);
		String key = management.begin("p2", "marc").orElseThrow().secret();
		List<String> codes = management.confirm("p2", SecondFactorTotp.code(key, 1_000_000L)).orElseThrow();

		assertThat(management.check("p2", " " + codes.get(0).toUpperCase().replace("-", " - ") + " ")).isTrue();
		assertThat(management.check("p2", codes.get(0))).isFalse();
		assertThat(store.find("p2").orElseThrow().recoveryCodesLeft()).isEqualTo(9);
		assertThat(management.disable("p2", codes.get(1))).isTrue();
		assertThat(management.isActive("p2")).isFalse();
	}

	/** The store's conditional updates, as MongoSecondFactors makes them. */
	private static final class InMemorySecondFactors implements SecondFactors {

		private final Map<String, SecondFactor> factors = new HashMap<>();

		private final Map<String, List<String>> hashes = new HashMap<>();

		@Override
		public Optional<SecondFactor> find(String personId) {
			return Optional.ofNullable(this.factors.get(personId));
		}

		@Override
		public boolean begin(String personId, String secret) {
			if (find(personId).filter(SecondFactor::active).isPresent()) {
				return false;
			}
			this.factors.put(personId, new SecondFactor(personId, secret, false, 0, 0, Instant.EPOCH, null));
			return true;
		}

		@Override
		public boolean activate(String personId, long step, List<String> recoveryCodeHashes) {
			SecondFactor factor = this.factors.get(personId);
			if (factor == null || factor.active()) {
				return false;
			}
			this.hashes.put(personId, new ArrayList<>(recoveryCodeHashes));
			this.factors.put(personId, new SecondFactor(personId, factor.secret(), true, step,
					recoveryCodeHashes.size(), factor.createdAt(), Instant.EPOCH));
			return true;
		}

		@Override
		public boolean acceptStep(String personId, long step) {
			SecondFactor factor = this.factors.get(personId);
			if (factor == null || !factor.active() || factor.lastAcceptedStep() >= step) {
				return false;
			}
			this.factors.put(personId, new SecondFactor(personId, factor.secret(), true, step,
					factor.recoveryCodesLeft(), factor.createdAt(), factor.activatedAt()));
			return true;
		}

		@Override
		public boolean useRecoveryCode(String personId, String recoveryCodeHash) {
			SecondFactor factor = this.factors.get(personId);
			if (factor == null || !factor.active() || !this.hashes.get(personId).remove(recoveryCodeHash)) {
				return false;
			}
			this.factors.put(personId, new SecondFactor(personId, factor.secret(), true, factor.lastAcceptedStep(),
					this.hashes.get(personId).size(), factor.createdAt(), factor.activatedAt()));
			return true;
		}

		@Override
		public boolean remove(String personId) {
			return this.factors.remove(personId) != null;
		}

	}

}
