package io.infolettre.newsletter.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * What a password of the team must be, after NIST SP 800-63B rather than rules of composition: long
 * enough ({@value #MINIMUM_LENGTH} characters), not one that attackers try first (the 10,000 most
 * common passwords of SecLists, bundled as {@code common-passwords.txt} with its licence, nor one of
 * them with digits or symbols added), not a few characters repeated, and not made from the person's
 * own login or name. Every reason is given at once, so that a person fixes everything in one try.
 */
@Component
public class PasswordPolicy {

	public static final int MINIMUM_LENGTH = 12;

	/** bcrypt reads no further than 72 bytes: a longer password would be partly ignored. */
	public static final int MAXIMUM_BYTES = 72;

	private static final int MINIMUM_DIFFERENT_CHARACTERS = 5;

	// a part of a login or a name shorter than this (« Li », « Roy ») says too little to refuse it
	private static final int MINIMUM_PART_LENGTH = 4;

	private static final Pattern ADDITIONS = Pattern.compile("[\\p{N}\\p{P}\\p{S}\\s]*");

	private static final Pattern NAME_SEPARATORS = Pattern.compile("[\\s\\-'’.@_+]+");

	private final Set<String> common;

	public PasswordPolicy() {
		this.common = load("common-passwords.txt");
	}

	/** Everything wrong with this password, for this person (login, address and name may be null); empty when it is fine. */
	public List<PasswordWeakness> weaknesses(String password, String login, String email, String name) {
		String candidate = password == null ? "" : password;
		Set<PasswordWeakness> found = EnumSet.noneOf(PasswordWeakness.class);
		if (candidate.codePointCount(0, candidate.length()) < MINIMUM_LENGTH) {
			found.add(PasswordWeakness.TOO_SHORT);
		}
		if (candidate.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
			found.add(PasswordWeakness.TOO_LONG);
		}
		String lower = fold(candidate);
		if (this.common.contains(lower)) {
			found.add(PasswordWeakness.COMMON);
		}
		else if (commonWithAdditions(lower)) {
			found.add(PasswordWeakness.COMMON_WITH_ADDITIONS);
		}
		if (!candidate.isEmpty() && candidate.codePoints().distinct().count() < MINIMUM_DIFFERENT_CHARACTERS) {
			found.add(PasswordWeakness.TOO_FEW_DIFFERENT_CHARACTERS);
		}
		if (containsAnyPart(lower, login) || containsAnyPart(lower, email)) {
			found.add(PasswordWeakness.CONTAINS_LOGIN);
		}
		if (containsAnyPart(lower, name)) {
			found.add(PasswordWeakness.CONTAINS_NAME);
		}
		return List.copyOf(found);
	}

	public boolean isCommon(String password) {
		return password != null && this.common.contains(fold(password));
	}

	// « Password2024! », « 2024password », « 123456789012 »: a common one, digits or symbols around it
	private boolean commonWithAdditions(String lower) {
		String withoutLeading = lower.replaceFirst("^[\\p{N}\\p{P}\\p{S}\\s]+", "");
		return startsWithCommon(lower) || (!withoutLeading.equals(lower) && startsWithCommon(withoutLeading));
	}

	private boolean startsWithCommon(String text) {
		for (int end = text.length(); end >= MINIMUM_PART_LENGTH; end--) {
			if (this.common.contains(text.substring(0, end)) && ADDITIONS.matcher(text.substring(end)).matches()) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsAnyPart(String lowerPassword, String identity) {
		if (identity == null || identity.isBlank()) {
			return false;
		}
		String folded = fold(identity.strip());
		String local = folded.contains("@") ? folded.substring(0, folded.indexOf('@')) : folded;
		List<String> parts = new ArrayList<>();
		parts.add(local);
		parts.addAll(List.of(NAME_SEPARATORS.split(local)));
		for (String part : parts) {
			if (part.length() >= MINIMUM_PART_LENGTH && lowerPassword.contains(part)) {
				return true;
			}
		}
		return false;
	}

	// « Éloïse » and « eloise » are the same word to whoever guesses
	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

	private static Set<String> load(String resource) {
		Set<String> words = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + resource + " next to PasswordPolicy");
			}
			var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String word = line.strip();
				if (!word.isEmpty()) {
					words.add(fold(word));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
