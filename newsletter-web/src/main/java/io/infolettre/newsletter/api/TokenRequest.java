package io.infolettre.newsletter.api;

import io.infolettre.newsletter.people.Role;

/**
 * A new API token: its name (what will use it) and, optionally, a role narrower than the caller's
 * ({@code ADMIN}, {@code COORDINATOR}, {@code APPROVER}, {@code READER}); without one, the caller's.
 */
record TokenRequest(String name, Role role) {

}
