package io.infolettre.newsletter.system;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AnnotationTemplateExpressionDefaults;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Method security on the controllers: {@link RequiresPermission} names a permission, which its
 * template turns into {@code hasAuthority('…')}; {@link AnySignedInPerson} says that any signed-in
 * person may. The same rule is checked once more before Spring MVC reads a request (PermissionCheck).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class MethodSecurityConfiguration implements WebMvcConfigurer {

	private final ApplicationContext context;

	MethodSecurityConfiguration(ApplicationContext context) {
		this.context = context;
	}

	@Bean
	static AnnotationTemplateExpressionDefaults templateExpressionDefaults() {
		return new AnnotationTemplateExpressionDefaults();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var preAuthorize = new PreAuthorizeAuthorizationManager();
		preAuthorize.setTemplateDefaults(templateExpressionDefaults());
		preAuthorize.setApplicationContext(this.context);
		// last, so that the language of the refusal page is already chosen (?lang=en)
		registry.addInterceptor(new PermissionCheck(preAuthorize)).order(Ordered.LOWEST_PRECEDENCE);
	}

}
