package io.infolettre.newsletter.system;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.web.WebAttributes;

/**
 * The login page. After a refused login it says why: wrong credentials, too many attempts (and how
 * long to wait, taken from the refusal kept in the session, never from the address bar), or too many
 * logins at once.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login(@RequestParam(required = false) String locked, @RequestParam(required = false) String busy,
			HttpSession session, HttpServletResponse response, Model model) {
		Object refusal = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (locked != null && refusal instanceof LoginThrottledException throttled) {
			response.setStatus(429);
			model.addAttribute("lockedMinutes", throttled.minutes());
		}
		else if (busy != null) {
			response.setStatus(429);
			model.addAttribute("busy", true);
		}
		return "login";
	}

}
