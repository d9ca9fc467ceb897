package io.infolettre.newsletter.admin;

import java.io.IOException;
import java.time.LocalDate;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.reconciliation.UnsubscribeCsv;
import io.infolettre.newsletter.system.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The unsubscribe audit log of a period, downloaded from the issues page. */
@Controller
@RequiresPermission(Permission.CONSENTS_MANAGE)
class UnsubscribeLogController {

	private final UnsubscribeCsv csv;

	UnsubscribeLogController(UnsubscribeCsv csv) {
		this.csv = csv;
	}

	@GetMapping("/admin/unsubscribes.csv")
	void export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, HttpServletResponse response)
			throws IOException {
		this.csv.respond(from, to.isBefore(from) ? from : to, response);
	}

}
