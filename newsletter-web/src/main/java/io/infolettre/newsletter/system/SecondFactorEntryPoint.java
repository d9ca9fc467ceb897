package io.infolettre.newsletter.system;

import java.io.IOException;

import io.infolettre.newsletter.people.SecondFactorManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Where a login that lacks its second factor is sent: to type the code when the person has one, to
 * enrol when they have none (an administrator while the team requires it).
 */
final class SecondFactorEntryPoint implements AuthenticationEntryPoint {

	static final String CODE_PAGE = "/login/code";

	private final SecondFactorManagement secondFactors;

	SecondFactorEntryPoint(SecondFactorManagement secondFactors) {
		this.secondFactors = secondFactors;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		var login = SecurityContextHolder.getContext().getAuthentication();
		boolean enrolled = login != null && login.getPrincipal() instanceof TeamMember member
				&& this.secondFactors.isActive(member.personId());
		response.sendRedirect(request.getContextPath()
				+ (enrolled ? CODE_PAGE : SecondFactorRequirement.ENROLMENT_PATH + "?required"));
	}

}
