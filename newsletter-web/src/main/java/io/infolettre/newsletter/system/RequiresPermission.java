package io.infolettre.newsletter.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.infolettre.newsletter.people.Permission;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The permission an admin page, form or API endpoint requires, checked by method security before the
 * handler runs (a person without it gets a 403, whatever the page showed them). On a controller it
 * applies to every handler; on a handler it replaces the controller's.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAuthority('{value}')")
public @interface RequiresPermission {

	Permission value();

}
