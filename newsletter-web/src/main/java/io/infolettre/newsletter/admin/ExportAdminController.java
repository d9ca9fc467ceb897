package io.infolettre.newsletter.admin;

import java.io.IOException;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.reconciliation.SubscriberCsv;
import io.infolettre.newsletter.segment.Audience;
import io.infolettre.newsletter.system.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A list's subscribers (or everyone) as CSV, from the imports page. */
@Controller
@RequiresPermission(Permission.AUDIENCE_EDIT)
class ExportAdminController {

	private final SubscriberCsv csv;

	ExportAdminController(SubscriberCsv csv) {
		this.csv = csv;
	}

	@GetMapping("/admin/subscribers.csv")
	void export(@RequestParam(required = false) String list, @RequestParam(defaultValue = ";") String separator,
			HttpServletResponse response) throws IOException {
		Audience audience = list == null || list.isBlank() ? Audience.allActive() : Audience.list(list);
		this.csv.respond(audience, ",".equals(separator) ? ',' : ';', response);
	}

}
