package io.infolettre.newsletter.system;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.Person;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A login session follows its person: at each request of a session, the person is read again, and
 * <ul>
 * <li>deactivated, or their password changed elsewhere (a reset, another session), the session
 * ends and the browser is sent to the login page (an API call gets a 401);</li>
 * <li>their role, their name or the team's rule on approval changed, the session's permissions
 * become the new ones before the request goes further.</li>
 * </ul>
 * Runs after Spring Security's filters (a plain servlet filter), so before any handler and its
 * method security. Stateless calls (the API's Basic and tokens) authenticate anew each time and are
 * left alone. Factor authorities (a second factor's, say) stay as they were. Declared by
 * {@link TeamSessionsConfiguration}, so that web slice tests, which take every filter component, go
 * without it.
 */
public class TeamSessions extends OncePerRequestFilter {

	private static final Set<String> PERMISSION_AUTHORITIES = permissionAuthorities();

	private final People people;

	private final TeamAccounts accounts;

	TeamSessions(People people, TeamAccounts accounts) {
		this.people = people;
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session == null || isStatic(request) || authentication == null || !(authentication.getPrincipal() instanceof TeamMember member)
				|| member.tokenId() != null || !isSessionAuthentication(session, authentication)) {
			chain.doFilter(request, response);
			return;
		}
		Optional<Person> person = this.people.find(member.personId());
		if (person.isEmpty() || !person.get().isActive() || passwordChanged(member, person.get())) {
			end(request, response, session);
			return;
		}
		TeamMember now = this.accounts.member(person.get());
		if (!sameRights(member, now)) {
			replace(session, authentication, now);
		}
		chain.doFilter(request, response);
	}

	/**
	 * The signed-in person changed their own password: this session goes on with the new one (their
	 * other sessions end at their next request).
	 */
	public void keepSignedIn(HttpServletRequest request, Person person) {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.getPrincipal() instanceof TeamMember) {
			replace(session, authentication, this.accounts.member(person));
		}
	}

	// a page's style sheets and scripts come with its session cookie; the page itself was checked
	private static boolean isStatic(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.equals("/favicon.ico");
	}

	private static boolean isSessionAuthentication(HttpSession session, Authentication authentication) {
		return session.getAttribute(
				HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) instanceof SecurityContext stored
				&& stored.getAuthentication() == authentication;
	}

	// a session made with a password that is no longer the person's (single sign-on keeps no hash)
	private static boolean passwordChanged(TeamMember member, Person person) {
		return member.passwordHash() != null && !member.passwordHash().equals(person.passwordHash());
	}

	private static boolean sameRights(TeamMember before, TeamMember now) {
		return before.role() == now.role() && before.permissions().equals(now.permissions())
				&& Objects.equals(before.name(), now.name()) && Objects.equals(before.login(), now.login());
	}

	private static void replace(HttpSession session, Authentication authentication, TeamMember member) {
		Authentication refreshed = authentication.toBuilder().principal(member).authorities(authorities -> {
			authorities.removeIf(TeamSessions::isRoleOrPermission);
			authorities.addAll(member.getAuthorities());
		}).build();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(refreshed);
		SecurityContextHolder.setContext(context);
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
	}

	private static boolean isRoleOrPermission(GrantedAuthority authority) {
		String name = authority.getAuthority();
		return name != null && (name.startsWith("ROLE_") || PERMISSION_AUTHORITIES.contains(name));
	}

	private static void end(HttpServletRequest request, HttpServletResponse response, HttpSession session)
			throws IOException {
		SecurityContextHolder.clearContext();
		session.invalidate();
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
		}
		else {
			response.sendRedirect(request.getContextPath() + "/login?ended");
		}
	}

	private static Set<String> permissionAuthorities() {
		var names = new java.util.HashSet<String>();
		for (Permission permission : Permission.values()) {
			names.add(permission.authority());
		}
		return Set.copyOf(names);
	}

}
