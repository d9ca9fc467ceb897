package io.infolettre.newsletter.system;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Who a single sign-on login is: the person of the team with the provider's verified email address
 * (their role is the application's), or, when there is none, a new active person with the role that
 * the role claim maps to. Refused, with a French reason on the login page: an address the provider
 * did not verify, a claim that maps to no role (the provider does not grant this application), a
 * person deactivated or not yet active. The session's principal is then the TeamMember, as for every
 * other way in, with the factor of an authorisation code login.
 */
@Component
class SsoLogins implements OAuth2UserService<OidcUserRequest, OidcUser> {

	static final String REFUSAL = SsoLogins.class.getName() + ".REFUSAL";

	private static final Logger LOG = LoggerFactory.getLogger(SsoLogins.class);

	private final OidcUserService provider = new OidcUserService();

	private final SsoSettings settings;

	private final People people;

	private final TeamAccounts accounts;

	private final PasswordEncoder passwords;

	private final SecureRandom random = new SecureRandom();

	SsoLogins(SsoSettings settings, People people, TeamAccounts accounts, PasswordEncoder passwords) {
		this.settings = settings;
		this.people = people;
		this.accounts = accounts;
		this.passwords = passwords;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = this.provider.loadUser(request);
		if (user.getEmail() == null || !Boolean.TRUE.equals(user.getEmailVerified())) {
			throw refused("unverified");
		}
		Role mapped = this.settings.roleOf(user.getClaims().get(this.settings.roleClaim()))
			.orElseThrow(() -> refused("role"));
		Person person = this.people.findByLogin(user.getEmail()).orElseGet(() -> create(user, mapped));
		if (!person.isActive()) {
			throw refused("inactive");
		}
		TeamMember member = this.accounts.member(person);
		// a session of the provider's holds no password hash: a password changed here does not end it
		return new SsoUser(new TeamMember(member.personId(), member.login(), member.name(), member.role(),
				member.permissions(), null, null, member.active()), user);
	}

	private Person create(OidcUser user, Role role) {
		// never typed: the person logs in through the provider (a password reset may give them one)
		byte[] unusable = new byte[32];
		this.random.nextBytes(unusable);
		String name = user.getFullName() != null ? user.getFullName() : user.getGivenName();
		return this.people
			.createActive(user.getEmail(), user.getEmail(), name, role,
					this.passwords.encode(Base64.getEncoder().encodeToString(unusable)))
			// created at the same moment by another login of theirs
			.or(() -> this.people.findByLogin(user.getEmail()))
			.orElseThrow();
	}

	/** The login as every other: the TeamMember as principal, their authorities and the login's factor. */
	static OAuth2AuthenticationToken asTeamMember(OAuth2LoginAuthenticationToken result) {
		TeamMember member = ((SsoUser) result.getPrincipal()).member();
		Collection<GrantedAuthority> authorities = new ArrayList<>(member.getAuthorities());
		authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY));
		var login = new OAuth2AuthenticationToken(member, authorities,
				result.getClientRegistration().getRegistrationId());
		login.setDetails(result.getDetails());
		return login;
	}

	/** Back to the login page, which says why in French (SsoLoginPage). */
	static void onFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws java.io.IOException {
		String reason = failure instanceof OAuth2AuthenticationException oauth
				&& oauth.getError().getErrorCode().startsWith("refused_")
						? oauth.getError().getErrorCode().substring("refused_".length()) : "failed";
		// the person is told in a sentence; whoever runs the platform reads the provider's own words here
		LOG.warn("Single sign-on {}: {}", "failed".equals(reason) ? "failed" : "refused", failure.getMessage());
		request.getSession().setAttribute(REFUSAL, reason);
		response.sendRedirect(request.getContextPath() + "/login?sso");
	}

	private static OAuth2AuthenticationException refused(String reason) {
		return new OAuth2AuthenticationException(new OAuth2Error("refused_" + reason),
				"the reason is " + reason);
	}

	/** The provider's user, carrying the person it was matched to until the login is complete. */
	static final class SsoUser extends DefaultOidcUser {

		private final TeamMember member;

		SsoUser(TeamMember member, OidcUser user) {
			super(List.copyOf(member.getAuthorities()), user.getIdToken(), user.getUserInfo());
			this.member = member;
		}

		TeamMember member() {
			return this.member;
		}

	}

}
