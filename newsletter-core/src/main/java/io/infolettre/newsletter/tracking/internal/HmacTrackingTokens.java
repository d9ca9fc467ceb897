package io.infolettre.newsletter.tracking.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
 * Token = base64url(AES(id) ‖ HMAC-SHA256(purpose ‖ AES(id))[0..12]): 38 characters. The delivery
 * id (16 bytes) is one AES block, so no id appears in a URL; the truncated HMAC (96 bits) binds the
 * block to its purpose and authenticates it. Keys are derived from the installation secret. A click
 * token carries the link's key (4 bytes) between the block and the HMAC, which covers both: 43
 * characters.
 */
class HmacTrackingTokens implements TrackingTokens {

	private static final int BLOCK = 16;

	private static final int MAC_BYTES = 12;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec encryptionKey;

	private final SecretKeySpec macKey;

	HmacTrackingTokens(byte[] secret) {
		this.encryptionKey = new SecretKeySpec(derive(secret, "token-encryption", 16), "AES");
		this.macKey = new SecretKeySpec(derive(secret, "token-mac", 32), "HmacSHA256");
	}

	@Override
	public String issue(TokenPurpose purpose, String deliveryId) {
		if (deliveryId == null || deliveryId.length() != 2 * BLOCK) {
			throw new IllegalArgumentException("Not a delivery id: " + deliveryId);
		}
		byte[] block = aes(Cipher.ENCRYPT_MODE, HexFormat.of().parseHex(deliveryId));
		byte[] token = Arrays.copyOf(block, BLOCK + MAC_BYTES);
		System.arraycopy(mac(purpose, block), 0, token, BLOCK, MAC_BYTES);
		return ENCODER.encodeToString(token);
	}

	@Override
	public Optional<String> verify(TokenPurpose purpose, String token) {
		if (token == null || token.length() != 38) {
			return Optional.empty();
		}
		byte[] raw;
		try {
			raw = DECODER.decode(token);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		// The last character carries 4 unused bits: only the canonical spelling of a token is valid.
		if (raw.length != BLOCK + MAC_BYTES || !ENCODER.encodeToString(raw).equals(token)) {
			return Optional.empty();
		}
		byte[] block = Arrays.copyOf(raw, BLOCK);
		byte[] expected = Arrays.copyOf(mac(purpose, block), MAC_BYTES);
		if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, BLOCK, BLOCK + MAC_BYTES))) {
			return Optional.empty();
		}
		return Optional.of(HexFormat.of().formatHex(aes(Cipher.DECRYPT_MODE, block)));
	}

	@Override
	public String issueClick(String deliveryId, int linkKey) {
		if (deliveryId == null || deliveryId.length() != 2 * BLOCK) {
			throw new IllegalArgumentException("Not a delivery id: " + deliveryId);
		}
		byte[] signed = Arrays.copyOf(aes(Cipher.ENCRYPT_MODE, HexFormat.of().parseHex(deliveryId)), BLOCK + 4);
		ByteBuffer.wrap(signed, BLOCK, 4).putInt(linkKey);
		byte[] token = Arrays.copyOf(signed, BLOCK + 4 + MAC_BYTES);
		System.arraycopy(mac(TokenPurpose.CLICK, signed), 0, token, BLOCK + 4, MAC_BYTES);
		return ENCODER.encodeToString(token);
	}

	@Override
	public Optional<Click> verifyClick(String token) {
		if (token == null || token.length() != 43) {
			return Optional.empty();
		}
		byte[] raw;
		try {
			raw = DECODER.decode(token);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (raw.length != BLOCK + 4 + MAC_BYTES || !ENCODER.encodeToString(raw).equals(token)) {
			return Optional.empty();
		}
		byte[] signed = Arrays.copyOf(raw, BLOCK + 4);
		byte[] expected = Arrays.copyOf(mac(TokenPurpose.CLICK, signed), MAC_BYTES);
		if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, BLOCK + 4, raw.length))) {
			return Optional.empty();
		}
		String deliveryId = HexFormat.of().formatHex(aes(Cipher.DECRYPT_MODE, Arrays.copyOf(signed, BLOCK)));
		return Optional.of(new Click(deliveryId, ByteBuffer.wrap(signed, BLOCK, 4).getInt()));
	}

	private byte[] aes(int mode, byte[] block) {
		try {
			Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
			cipher.init(mode, this.encryptionKey);
			return cipher.doFinal(block);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private byte[] mac(TokenPurpose purpose, byte[] block) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.macKey);
			mac.update(purpose.code());
			return mac.doFinal(block);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
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
