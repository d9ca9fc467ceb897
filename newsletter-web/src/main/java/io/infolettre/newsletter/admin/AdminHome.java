package io.infolettre.newsletter.admin;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.system.AnySignedInPerson;
import io.infolettre.newsletter.system.CurrentActor;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where a login lands: the first page the person's role opens. The issues for those who write,
 * approve or read them; the calendar for a reader (« Lecture »), who reads reports and the calendar
 * only and would otherwise land on a refusal.
 */
@Controller
@AnySignedInPerson
class AdminHome {

	private final CurrentActor current;

	AdminHome(CurrentActor current) {
		this.current = current;
	}

	@GetMapping({ "/", "/admin" })
	String home() {
		boolean readsIssues = this.current.member().map(member -> member.can(Permission.ISSUES_READ)).orElse(false);
		return readsIssues ? "redirect:/admin/issues" : "redirect:/admin/calendar";
	}

}
