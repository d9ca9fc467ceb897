package io.infolettre.newsletter.system;

import java.util.Collections;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * French by default; {@code ?lang=en} switches to English and is remembered in a cookie. Members and
 * visitors, who never chose on this site, get their browser's language when it is English; the
 * coordinators' pages (and their login) stay French until they choose.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale DEFAULT_LOCALE = Locale.CANADA_FRENCH;

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("newsletter-lang");
		resolver.setDefaultLocaleFunction(WebConfiguration::unchosenLocale);
		return resolver;
	}

	static Locale unchosenLocale(HttpServletRequest request) {
		Object errorPath = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (errorPath instanceof String original ? original : request.getRequestURI())
			.substring(request.getContextPath().length());
		if (path.startsWith("/admin") || path.startsWith("/login") || request.getHeader("Accept-Language") == null) {
			return DEFAULT_LOCALE;
		}
		for (Locale accepted : Collections.list(request.getLocales())) {
			if ("fr".equals(accepted.getLanguage())) {
				return DEFAULT_LOCALE;
			}
			if ("en".equals(accepted.getLanguage())) {
				return Locale.ENGLISH;
			}
		}
		return DEFAULT_LOCALE;
	}

	/**
	 * The webjars locator switches Boot's resource chain on, and with it a filter that looks every link
	 * of every page up on the class path (a miss each time, never cached): most of a page's time. Links
	 * here name their resources without versions, which the locator resolves when they are served.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		registry.addInterceptor(interceptor);
	}

}
