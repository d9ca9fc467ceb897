package io.infolettre.newsletter.admin;

import java.io.IOException;
import java.util.Comparator;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.audit.AuditLog;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.system.RequiresPermission;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * « Journal »: who changed what, newest first, filtered by person, kind and period, a page at a time,
 * and the same entries as CSV. Read only: nothing here edits or deletes an entry.
 */
@Controller
@RequestMapping("/admin/audit")
@RequiresPermission(Permission.AUDIT_READ)
class AuditController {

	static final int PAGE_SIZE = 50;

	private final AuditLog log;

	private final People people;

	private final AuditCsv csv;

	AuditController(AuditLog log, People people, AuditCsv csv) {
		this.log = log;
		this.people = people;
		this.csv = csv;
	}

	@GetMapping
	String page(@ModelAttribute("filter") AuditFilter filter, Model model) {
		var page = this.log.search(filter.toQuery(), filter.after(), PAGE_SIZE);
		model.addAttribute("entries", page.entries());
		model.addAttribute("next", page.next());
		model.addAttribute("paged", filter.after() != null && !filter.after().isBlank());
		model.addAttribute("people",
				this.people.all().stream().sorted(Comparator.comparing(Person::displayName, String.CASE_INSENSITIVE_ORDER)).toList());
		model.addAttribute("kinds", AuditKind.values());
		model.addAttribute("zone", AuditFilter.ZONE);
		return "admin/audit";
	}

	@GetMapping(path = "/export.csv")
	void export(@ModelAttribute AuditFilter filter, HttpServletResponse response) throws IOException {
		this.csv.respond(filter.toQuery(), response);
	}

}
