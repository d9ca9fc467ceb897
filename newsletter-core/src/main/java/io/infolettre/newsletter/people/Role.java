package io.infolettre.newsletter.people;

import java.util.EnumSet;
import java.util.Set;

import static io.infolettre.newsletter.people.Permission.AUDIENCE_EDIT;
import static io.infolettre.newsletter.people.Permission.AUDIENCE_READ;
import static io.infolettre.newsletter.people.Permission.AUDIT_READ;
import static io.infolettre.newsletter.people.Permission.ISSUES_APPROVE;
import static io.infolettre.newsletter.people.Permission.ISSUES_EDIT;
import static io.infolettre.newsletter.people.Permission.ISSUES_READ;
import static io.infolettre.newsletter.people.Permission.ISSUES_SEND;
import static io.infolettre.newsletter.people.Permission.REPORTS_READ;

/**
 * A person's role: Administrateur, Coordination, Approbation, Lecture. Its labels are in the web
 * module's messages ({@code role.ADMIN}…).
 */
public enum Role {

	/** Everything, including people, settings, templates and consent records. */
	ADMIN(EnumSet.allOf(Permission.class)),

	/** Subscribers, lists, segments, imports, issues, test sends, scheduling requests. */
	COORDINATOR(EnumSet.of(REPORTS_READ, ISSUES_READ, ISSUES_EDIT, AUDIENCE_READ, AUDIENCE_EDIT)),

	/** Approves and sends or schedules issues; reads everything. */
	APPROVER(EnumSet.of(REPORTS_READ, ISSUES_READ, ISSUES_APPROVE, ISSUES_SEND, AUDIENCE_READ, AUDIT_READ)),

	/** Reports and the calendar only. */
	READER(EnumSet.of(REPORTS_READ));

	private final Set<Permission> permissions;

	Role(Set<Permission> permissions) {
		this.permissions = Set.copyOf(permissions);
	}

	/**
	 * @param approvalRequired whether the installation requires an approval before a send (four
	 * eyes); without it, a coordinator schedules and sends their own issues, as a small association
	 * with one coordinator needs
	 */
	public Set<Permission> permissions(boolean approvalRequired) {
		if (this == COORDINATOR && !approvalRequired) {
			var more = EnumSet.copyOf(this.permissions);
			more.add(ISSUES_SEND);
			return Set.copyOf(more);
		}
		return this.permissions;
	}

	/** Whether every permission of {@code other} is one of this role's: a token may be narrower, never wider. */
	public boolean covers(Role other) {
		return this.permissions.containsAll(other.permissions);
	}

}
