package io.infolettre.newsletter.system;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.infolettre.newsletter.people.Role;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on with an OpenID Connect provider ({@code newsletter.sso.*}); off while no issuer is
 * set.
 *
 * @param issuerUri the provider's issuer (its discovery document is read at the first login)
 * @param clientId the application's client id at the provider
 * @param clientSecret its secret
 * @param displayName the provider as the login page names it (« Se connecter avec … »)
 * @param roleClaim the claim of the ID token (or user info) that holds the person's roles or groups,
 * a string or a list of strings (default {@code roles})
 * @param roles for each role, the values of that claim that give it; when several match, the first
 * role in the order Administrateur, Coordination, Approbation, Lecture wins
 */
@ConfigurationProperties("newsletter.sso")
record SsoSettings(String issuerUri, String clientId, String clientSecret, String displayName, String roleClaim,
		Map<Role, List<String>> roles) {

	SsoSettings {
		displayName = displayName == null || displayName.isBlank() ? "l’authentification unique" : displayName;
		roleClaim = roleClaim == null || roleClaim.isBlank() ? "roles" : roleClaim;
		roles = roles == null ? Map.of() : Map.copyOf(roles);
	}

	boolean enabled() {
		return this.issuerUri != null && !this.issuerUri.isBlank();
	}

	/** The role that these values of the role claim give, if any. */
	Optional<Role> roleOf(Object claim) {
		Collection<?> values = claim instanceof Collection<?> many ? many : claim == null ? List.of() : List.of(claim);
		for (Role role : Role.values()) {
			List<String> giving = this.roles.getOrDefault(role, List.of());
			if (values.stream().anyMatch(value -> giving.contains(String.valueOf(value)))) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return "SsoSettings[issuerUri=" + this.issuerUri + ", clientId=" + this.clientId + ", clientSecret=***]";
	}

}
