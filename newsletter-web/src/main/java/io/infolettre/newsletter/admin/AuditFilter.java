package io.infolettre.newsletter.admin;

import java.time.LocalDate;
import java.time.ZoneId;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.audit.AuditQuery;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The filters of the « Journal » page as the form sends them: a person, a kind, a period of days in
 * Quebec time (both days included), and where the page starts.
 */
record AuditFilter(String person, AuditKind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, String after) {

	static final ZoneId ZONE = ZoneId.of("America/Toronto");

	AuditQuery toQuery() {
		return new AuditQuery(this.person, this.kind, this.from == null ? null : this.from.atStartOfDay(ZONE).toInstant(),
				this.to == null ? null : this.to.plusDays(1).atStartOfDay(ZONE).toInstant());
	}

}
