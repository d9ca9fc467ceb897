package io.infolettre.newsletter.api;

import io.infolettre.newsletter.people.Role;

/**
 * A change of a person by an administrator: a new role, and/or {@code active} false to deactivate
 * them, true to reactivate them; absent fields change nothing.
 */
record PersonChangeRequest(Role role, Boolean active) {

}
