package io.infolettre.newsletter.system;

import java.util.Optional;

import io.infolettre.newsletter.shared.Actor;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is making the current request, as core modules know them: the person (and their API token) and
 * the client's address. Outside a request, or without a person, the platform itself.
 */
@Component
public class CurrentActor {

	public Actor get() {
		return member().map(member -> new Actor(member.personId(), member.name(), member.tokenId(), address()))
			.orElse(Actor.SYSTEM);
	}

	public Optional<TeamMember> member() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof TeamMember member) {
			return Optional.of(member);
		}
		return Optional.empty();
	}

	private static String address() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
