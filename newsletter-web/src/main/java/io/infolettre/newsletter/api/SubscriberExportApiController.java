package io.infolettre.newsletter.api;

import java.io.IOException;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.reconciliation.SubscriberCsv;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.system.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A list's subscribers (or everyone) as CSV, streamed; semicolons unless {@code separator=,}. */
@RestController
@RequiresPermission(Permission.AUDIENCE_EDIT)
class SubscriberExportApiController {

	private final SubscriberCsv csv;

	SubscriberExportApiController(SubscriberCsv csv) {
		this.csv = csv;
	}

	@GetMapping("/api/v1/subscribers.csv")
	void export(@RequestParam(required = false) String list,
			@RequestParam(defaultValue = ";") String separator, HttpServletResponse response) throws IOException {
		Audience audience = list == null || list.isBlank() ? Audience.allActive() : Audience.list(list);
		this.csv.respond(audience, ",".equals(separator) ? ',' : ';', response);
	}

}
