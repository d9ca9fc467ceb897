package io.infolettre.newsletter.api;

import java.io.IOException;
import java.time.LocalDate;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.reconciliation.UnsubscribeCsv;
import io.infolettre.newsletter.system.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The unsubscribe audit log, for a compliance check (CASL): who, when, how, from which issue. */
@RestController
@RequiresPermission(Permission.CONSENTS_MANAGE)
class UnsubscribeApiController {

	private final UnsubscribeCsv csv;

	UnsubscribeApiController(UnsubscribeCsv csv) {
		this.csv = csv;
	}

	/** @param from first day (Quebec time), included; @param to last day, included */
	@GetMapping("/api/v1/unsubscribes.csv")
	void export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response)
			throws IOException {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("La fin de la période précède son début");
		}
		this.csv.respond(from, to, response);
	}

}
