package io.infolettre.newsletter.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.Role;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.core.user.OAuth2User;

/**
 * The person behind a request, whatever the way in (login form, single sign-on, API token): their
 * id, name and role, and as authorities the role's permissions (one authority per {@link Permission},
 * plus {@code ROLE_<role>}). A token narrower than its person's role carries the narrower role.
 * It is an OAuth2User only so that a single sign-on login can carry it as its principal too
 * (SsoLogins): the provider's claims are not kept.
 *
 * @param tokenId the API token that authenticated the request, or null
 */
public record TeamMember(String personId, String login, String name, Role role, Set<Permission> permissions,
		String tokenId, String passwordHash, boolean active) implements UserDetails, CredentialsContainer, OAuth2User {

	public static TeamMember of(Person person, Set<Permission> permissions) {
		return new TeamMember(person.id(), person.login(), person.displayName(), person.role(), permissions, null,
				person.passwordHash(), person.isActive());
	}

	public TeamMember withToken(String tokenId, Role tokenRole, Set<Permission> tokenPermissions) {
		return new TeamMember(this.personId, this.login, this.name, tokenRole, tokenPermissions, tokenId, null,
				this.active);
	}

	public boolean can(Permission permission) {
		return this.permissions.contains(permission);
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<GrantedAuthority> authorities = new ArrayList<>();
		this.permissions.forEach(permission -> authorities.add(new SimpleGrantedAuthority(permission.authority())));
		authorities.add(new SimpleGrantedAuthority("ROLE_" + this.role.name()));
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.login;
	}

	@Override
	public String getName() {
		return this.login;
	}

	@Override
	public Map<String, Object> getAttributes() {
		return Map.of();
	}

	@Override
	public boolean isEnabled() {
		return this.active;
	}

	@Override
	public void eraseCredentials() {
		// a record cannot forget a field; the session keeps the copy made without it (see TeamAccounts)
	}

	@Override
	public String toString() {
		return "TeamMember[personId=" + this.personId + ", login=" + this.login + ", role=" + this.role + ", tokenId="
				+ this.tokenId + "]";
	}

}
