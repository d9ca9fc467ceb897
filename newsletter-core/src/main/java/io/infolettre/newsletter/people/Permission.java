package io.infolettre.newsletter.people;

/**
 * What a person may do. Every admin page, form and API endpoint requires one of these (checked by
 * method security on the controllers); a role is a set of them.
 */
public enum Permission {

	/** Reports, the calendar. */
	REPORTS_READ,

	/** Issues, their previews, versions, deliveries; the media library and saved blocks. */
	ISSUES_READ,

	/**
	 * Write issues: create, edit, duplicate, test sends, saved blocks, images; submit for approval
	 * with a wished send time; pause a send that is going wrong.
	 */
	ISSUES_EDIT,

	/** Approve an issue, or ask for changes. */
	ISSUES_APPROVE,

	/** Schedule, send, resume, cancel, resend an issue. */
	ISSUES_SEND,

	/** Subscribers, lists, segments, companies, attributes, imports: read. */
	AUDIENCE_READ,

	/** Subscribers, lists, segments, companies, attributes: change, import, export, erase. */
	AUDIENCE_EDIT,

	/** The layouts (templates) and the series. */
	TEMPLATES_EDIT,

	/** Consent records and the unsubscribe log. */
	CONSENTS_MANAGE,

	/** Invite, change the role of, deactivate a person. */
	PEOPLE_MANAGE,

	/** The installation's settings. */
	SETTINGS_MANAGE,

	/** The audit log (« Journal »). */
	AUDIT_READ;

	/** The Spring Security authority that carries it. */
	public String authority() {
		return name();
	}

}
