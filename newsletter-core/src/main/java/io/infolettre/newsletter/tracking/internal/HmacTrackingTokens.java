package io.infolettre.newsletter.tracking.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.infolettre.newsletter.tracking.TokenPurpose;
import io.infolettre.newsletter.tracking.TrackingTokens;

/**
 * Token = AES(id) ‖ HMAC-SHA256(purpose ‖ AES(id))[0..12], spelled with {@link TokenAlphabet}: 45
 * characters. The delivery id (16 bytes) is one AES block, so no id appears in a URL; the truncated
 * HMAC (96 bits) binds the block to its purpose and authenticates it. Keys are derived from the
 * installation secret. A click token carries the link's key (4 bytes) between the block and the
 * HMAC, which covers both: 52 characters; an expiring token its expiry (8 bytes): 58 characters.
 * <p>
 * Tokens issued before 2026-12 were the same bytes in base64url (38, 43 and 48 characters): they are
 * in newsletters already sent, which members still open and click, so they are still accepted.
 */
class HmacTrackingTokens implements TrackingTokens {

	private static final int BLOCK = 16;

	private static final int MAC_BYTES = 12;

	private static final Base64.Encoder LEGACY_ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder LEGACY_DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec macKey;

	// Every pixel and click verifies a token: looking the algorithms up each time cost more than using
	// them. Each thread keeps its own initialised instances (they are not thread-safe).
	private final ThreadLocal<Cipher> encryption;

	private final ThreadLocal<Cipher> decryption;

	private final ThreadLocal<Mac> macs;

	HmacTrackingTokens(byte[] secret) {
		this.encryptionKey = new SecretKeySpec(derive(secret, "token-encryption", 16), "AES");
		this.macKey = new SecretKeySpec(derive(secret, "token-mac", 32), "HmacSHA256");
		this.encryption = ThreadLocal.withInitial(() -> cipher(Cipher.ENCRYPT_MODE));
		this.decryption = ThreadLocal.withInitial(() -> cipher(Cipher.DECRYPT_MODE));
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(this.macKey);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	private Cipher cipher(int mode) {
		try {
			Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
			cipher.init(mode, this.encryptionKey);
			return cipher;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public String issue(TokenPurpose purpose, String deliveryId) {
		return seal(purpose, encryptedId(deliveryId));
	}

	@Override
	public Optional<String> verify(TokenPurpose purpose, String token) {
		return open(purpose, token, BLOCK).map(block -> HexFormat.of().formatHex(aes(Cipher.DECRYPT_MODE, block)));
	}

	@Override
	public String issueClick(String deliveryId, int linkKey) {
		byte[] signed = Arrays.copyOf(encryptedId(deliveryId), BLOCK + 4);
		ByteBuffer.wrap(signed, BLOCK, 4).putInt(linkKey);
		return seal(TokenPurpose.CLICK, signed);
	}

	@Override
	public Optional<Click> verifyClick(String token) {
		return open(TokenPurpose.CLICK, token, BLOCK + 4).map(signed -> new Click(
				HexFormat.of().formatHex(aes(Cipher.DECRYPT_MODE, Arrays.copyOf(signed, BLOCK))),
				ByteBuffer.wrap(signed, BLOCK, 4).getInt()));
	}

	@Override
	public String issueExpiring(TokenPurpose purpose, String id, Instant expiresAt) {
		byte[] signed = Arrays.copyOf(encryptedId(id), BLOCK + 8);
		ByteBuffer.wrap(signed, BLOCK, 8).putLong(expiresAt.getEpochSecond());
		return seal(purpose, signed);
	}

	@Override
	public Optional<Expiring> verifyExpiring(TokenPurpose purpose, String token) {
		return open(purpose, token, BLOCK + 8).map(signed -> new Expiring(
				HexFormat.of().formatHex(aes(Cipher.DECRYPT_MODE, Arrays.copyOf(signed, BLOCK))),
				Instant.ofEpochSecond(ByteBuffer.wrap(signed, BLOCK, 8).getLong())));
	}

	private byte[] encryptedId(String deliveryId) {
		if (deliveryId == null || deliveryId.length() != 2 * BLOCK) {
			throw new IllegalArgumentException("Not a delivery id: " + deliveryId);
		}
		return aes(Cipher.ENCRYPT_MODE, HexFormat.of().parseHex(deliveryId));
	}

	// payload ‖ HMAC(purpose ‖ payload)[0..12]
	private String seal(TokenPurpose purpose, byte[] payload) {
		byte[] token = Arrays.copyOf(payload, payload.length + MAC_BYTES);
		System.arraycopy(mac(purpose, payload), 0, token, payload.length, MAC_BYTES);
		return TokenAlphabet.encode(token);
	}

	/** The payload of a token of this purpose and payload length, when the token is genuine. */
	private Optional<byte[]> open(TokenPurpose purpose, String token, int payloadLength) {
		int length = payloadLength + MAC_BYTES;
		if (token == null) {
			return Optional.empty();
		}
		Optional<byte[]> decoded = token.length() == TokenAlphabet.length(length) ? TokenAlphabet.decode(token, length)
				: decodeLegacy(token, length);
		return decoded.flatMap(raw -> authenticated(purpose, raw, payloadLength));
	}

	private Optional<byte[]> authenticated(TokenPurpose purpose, byte[] raw, int payloadLength) {
		byte[] payload = Arrays.copyOf(raw, payloadLength);
		byte[] expected = Arrays.copyOf(mac(purpose, payload), MAC_BYTES);
		if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, payloadLength, raw.length))) {
			return Optional.empty();
		}
		return Optional.of(payload);
	}

	// A token of a message sent before the change of alphabet.
	private static Optional<byte[]> decodeLegacy(String token, int length) {
		if (token.length() != (length * 8 + 5) / 6) {
			return Optional.empty();
		}
		byte[] raw;
		try {
			raw = LEGACY_DECODER.decode(token);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		// The last character carries unused bits: only the canonical spelling of a token is valid.
		if (raw.length != length || !LEGACY_ENCODER.encodeToString(raw).equals(token)) {
			return Optional.empty();
		}
		return Optional.of(raw);
	}

	private byte[] aes(int mode, byte[] block) {
		try {
			Cipher cipher = (mode == Cipher.ENCRYPT_MODE ? this.encryption : this.decryption).get();
			return cipher.doFinal(block);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] mac(TokenPurpose purpose, byte[] block) {
		Mac mac = this.macs.get();
		mac.update(purpose.code());
		return mac.doFinal(block);
	}

	private static byte[] derive(byte[] secret, String label, int length) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return Arrays.copyOf(mac.doFinal(label.getBytes(StandardCharsets.UTF_8)), length);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
