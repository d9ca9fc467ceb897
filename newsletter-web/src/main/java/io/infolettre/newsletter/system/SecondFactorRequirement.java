package io.infolettre.newsletter.system;

import java.util.List;
import java.util.function.Supplier;

import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.people.SecondFactorManagement;
import io.infolettre.newsletter.people.TeamSettingsStore;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What a password alone does not open (Spring Security's multi-factor authorisation, added to every
 * page rule that needs a login): a person whose second factor is on needs its code too
 * ({@value #FACTOR}) before anything but the code page; so does an administrator without one while
 * the team requires it, who is sent to enrol (the enrolment pages themselves stay open to them). A
 * login through single sign-on brings the provider's own factors and is not asked again.
 */
final class SecondFactorRequirement implements AuthorizationManager<RequestAuthorizationContext> {

	/** The authority a right code adds to the session's login. */
	static final String FACTOR = "FACTOR_TOTP";

	static final String ENROLMENT_PATH = "/admin/account/second-factor";

	private static final RequestMatcher ENROLMENT = PathPatternRequestMatcher.withDefaults()
		.matcher(ENROLMENT_PATH + "/**");

	private static final FactorAuthorizationDecision CODE_MISSING = new FactorAuthorizationDecision(
			List.of(RequiredFactorError.createMissing(RequiredFactor.withAuthority(FACTOR).build())));

	private static final AuthorizationDecision GRANTED = new AuthorizationDecision(true);

	private final SecondFactorManagement secondFactors;

	private final TeamSettingsStore settings;

	SecondFactorRequirement(SecondFactorManagement secondFactors, TeamSettingsStore settings) {
		this.secondFactors = secondFactors;
		this.settings = settings;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication login = authentication.get();
		if (login == null || !(login.getPrincipal() instanceof TeamMember member) || hasFactor(login, FACTOR)
				|| hasFactor(login, FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY)) {
			return GRANTED;
		}
		if (this.secondFactors.isActive(member.personId())) {
			return CODE_MISSING;
		}
		boolean mustEnrol = member.role() == Role.ADMIN && member.tokenId() == null
				&& this.settings.current().secondFactorRequiredForAdmins();
		return mustEnrol && !ENROLMENT.matches(context.getRequest()) ? CODE_MISSING : GRANTED;
	}

	static boolean hasFactor(Authentication login, String factor) {
		for (GrantedAuthority authority : login.getAuthorities()) {
			if (factor.equals(authority.getAuthority())) {
				return true;
			}
		}
		return false;
	}

}
