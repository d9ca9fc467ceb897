package io.infolettre.newsletter.system;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;

/**
 * Puts {@link AuditRecorder} around every {@link Audited} handler. The advisor is an infrastructure
 * bean so that the auto-proxy creator method security registers applies it too; it is ordered last,
 * inside the permission checks, so that a refused call is never recorded. The recorder is looked up
 * at the first call: an advisor is made before the beans it would otherwise need.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor auditedHandlers(ObjectProvider<AuditRecorder> recorder) {
		MethodInterceptor around = invocation -> recorder.getObject().around(invocation);
		var advisor = new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(Audited.class), around);
		advisor.setOrder(Ordered.LOWEST_PRECEDENCE);
		return advisor;
	}

}
