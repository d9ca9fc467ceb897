package io.infolettre.newsletter.system;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.CurrentSecurityContext;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of the login's second step: the code of the authenticator app, or a recovery code. Only a
 * session whose password was right comes here (the URL rules send the others to the login page).
 */
@Controller
class SecondFactorLoginController {

	@GetMapping(SecondFactorEntryPoint.CODE_PAGE)
	String codePage(@CurrentSecurityContext(expression = "authentication") Authentication login,
			@RequestParam(required = false) String locked, HttpSession session, HttpServletResponse response,
			Model model) {
		if (SecondFactorRequirement.hasFactor(login, SecondFactorRequirement.FACTOR)) {
			return "redirect:/admin/issues";
		}
		Object refusal = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		if (locked != null && refusal instanceof LoginThrottledException throttled) {
			response.setStatus(429);
			model.addAttribute("lockedMinutes", throttled.minutes());
		}
		return "login-code";
	}

}
