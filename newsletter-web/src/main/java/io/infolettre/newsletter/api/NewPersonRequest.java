package io.infolettre.newsletter.api;

import io.infolettre.newsletter.people.Role;

/** Someone to invite: their address, name (optional) and role; they receive the invitation by email. */
record NewPersonRequest(String email, String name, Role role) {

}
