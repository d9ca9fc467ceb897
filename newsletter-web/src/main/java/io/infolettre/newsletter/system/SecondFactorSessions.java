package io.infolettre.newsletter.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Marks the current session's login as having passed the second factor, when a code was proven
 * outside the login's own code step (a person who just turned theirs on).
 */
@Component
public class SecondFactorSessions {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	public void completed(HttpServletRequest request, HttpServletResponse response) {
		Authentication login = SecurityContextHolder.getContext().getAuthentication();
		if (login == null || SecondFactorRequirement.hasFactor(login, SecondFactorRequirement.FACTOR)) {
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(login.toBuilder()
			.authorities(authorities -> authorities.add(FactorGrantedAuthority.fromAuthority(SecondFactorRequirement.FACTOR)))
			.build());
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
