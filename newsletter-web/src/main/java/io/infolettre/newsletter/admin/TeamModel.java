package io.infolettre.newsletter.admin;

import java.util.HashMap;
import java.util.Map;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.system.CurrentActor;
import io.infolettre.newsletter.system.TeamMember;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every admin page knows of the person looking at it: {@code me} (their TeamMember, or null on a
* page outside the admin package) and {@code can} (each permission's name → whether they have it), so that a page offers
 * only what its reader may do: {@code th:if="${can.ISSUES_SEND}"}. Hiding a button is a courtesy; the
 * permission is checked on the handler ({@link io.infolettre.newsletter.system.RequiresPermission}).
 */
@ControllerAdvice(basePackageClasses = TeamModel.class)
class TeamModel {

	private final CurrentActor current;

	TeamModel(CurrentActor current) {
		this.current = current;
	}

	@ModelAttribute("me")
	TeamMember me() {
		return this.current.member().orElse(null);
	}

	@ModelAttribute("can")
	Map<String, Boolean> can() {
		var member = this.current.member();
		Map<String, Boolean> can = new HashMap<>();
		for (Permission permission : Permission.values()) {
			can.put(permission.name(), member.map(m -> m.can(permission)).orElse(false));
		}
		return can;
	}

}
