package io.infolettre.newsletter.system.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Administrator accounts, stored in the {@code users} collection with hashed passwords. */
@Component
public class AdminAccounts implements UserDetailsService {

	static final String COLLECTION = "users";

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private final MongoTemplate mongo;

	private final PasswordEncoder passwords;

	private final Clock clock;

	AdminAccounts(MongoTemplate mongo, PasswordEncoder passwords, Clock clock) {
		this.mongo = mongo;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		Document user = this.mongo.findById(username, Document.class, COLLECTION);
		if (user == null) {
			throw new UsernameNotFoundException("Unknown user");
		}
		return new User(username, user.getString("passwordHash"), List.of(new SimpleGrantedAuthority("ROLE_ADMIN")));
	}

	public boolean anyExists() {
		return this.mongo.getCollection(COLLECTION).countDocuments() > 0;
	}

	/** @return false when the account already exists (another node created it first) */
	public boolean create(String username, String password) {
		try {
			this.mongo.insert(new Document("_id", username).append("passwordHash", this.passwords.encode(password))
				.append("createdAt", this.clock.instant()), COLLECTION);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	public static String generatePassword() {
		var random = new SecureRandom();
		var password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
