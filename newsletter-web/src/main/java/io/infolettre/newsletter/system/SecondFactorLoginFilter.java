package io.infolettre.newsletter.system;

import io.infolettre.newsletter.people.SecondFactorManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The login's second step ({@code POST /login/code}): the code of the person's app, or one of their
 * recovery codes, completes the password login of this session by adding the factor
 * {@value SecondFactorRequirement#FACTOR}; the session gets a new id and goes on to the page first
 * asked for. Wrong codes are counted by the LoginThrottle under a key of their own, which a right
 * password does not clear (else each new password login would buy new guesses), and from the client
 * address as the passwords are.
 */
final class SecondFactorLoginFilter extends AbstractAuthenticationProcessingFilter {

	private final SecondFactorManagement secondFactors;

	private final LoginThrottle throttle;

	SecondFactorLoginFilter(SecondFactorManagement secondFactors, LoginThrottle throttle) {
		super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SecondFactorEntryPoint.CODE_PAGE));
		this.secondFactors = secondFactors;
		this.throttle = throttle;
		setSecurityContextRepository(new DelegatingSecurityContextRepository(
				new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository()));
		setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
		var success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setDefaultTargetUrl("/admin/issues");
		setAuthenticationSuccessHandler(success);
		setAuthenticationFailureHandler((request, response, failure) -> {
			request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
			String reason = failure instanceof LoginThrottledException ? "locked"
					: failure instanceof InsufficientAuthenticationException ? "expired" : "error";
			response.sendRedirect(request.getContextPath() + SecondFactorEntryPoint.CODE_PAGE + "?" + reason);
		});
	}

	static String throttleKey(TeamMember member) {
		return "second-factor:" + member.personId();
	}

	@Override
	public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null || !current.isAuthenticated() || !(current.getPrincipal() instanceof TeamMember member)) {
			throw new InsufficientAuthenticationException("No password login waits for its second factor");
		}
		String key = throttleKey(member);
		String client = request.getRemoteAddr();
		var wait = this.throttle.lockedFor(key, client);
		if (wait.isPresent()) {
			throw new LoginThrottledException(wait.get());
		}
		if (!this.secondFactors.check(member.personId(), request.getParameter("code"))) {
			this.throttle.failed(key, client);
			throw new BadCredentialsException("Wrong second factor code");
		}
		this.throttle.succeeded(key);
		return current.toBuilder()
			.authorities(authorities -> authorities.add(FactorGrantedAuthority.fromAuthority(SecondFactorRequirement.FACTOR)))
			.build();
	}

}
