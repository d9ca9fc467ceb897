package io.infolettre.newsletter.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.infolettre.newsletter.audit.AuditKind;

/**
 * Records a change made by an admin form or an API route in the audit log (« Journal »), once the
 * handler has succeeded: who (the person, their token, their address), what (kind, id, label) and the
 * values before and after of the fields that changed, read through the {@link AuditSnapshotSource}
 * of the kind. Placed directly above the handler's mapping annotation; every POST, PUT, PATCH and
 * DELETE handler under /admin and /api carries it or is on the short exemption list of
 * {@code AuditCoverageIntegrationTests}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

	/** The {@link #target()} of a change a person makes to their own account (« Mon compte »). */
	String SELF = "@self";

	AuditKind kind();

	/**
	 * A stable code, {@code issue.edit}; its French text is the message {@code audit.action.<code>}
	 * (English in messages_en).
	 */
	String action();

	/**
	 * The path variable or request parameter holding the target's id; when the request has none (a
	 * form that creates), the id is read from what the handler answers; {@link #SELF} for the person
	 * making the request.
	 */
	String target() default "id";

	/**
	 * The handler makes a new target (a copy) even though the request names one: its id is read from
	 * what the handler answers (the Location header, the body's id, the page it redirects to).
	 */
	boolean creates() default false;

}
