package io.infolettre.newsletter.api;

import java.util.List;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.Role;

/**
 * Who is calling: the person, the role this call has (an API token's may be narrower than the
 * person's) and its permissions.
 *
 * @param tokenId the API token of the call, or null
 */
record MeResource(String id, String login, String email, String name, Role role, List<Permission> permissions,
		String tokenId) {

}
