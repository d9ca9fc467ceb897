package io.infolettre.newsletter.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * A page, form or API endpoint that every signed-in person may use, whatever their role (their own
 * account, their API tokens). Said explicitly, so that a handler without any permission stands out
 * (the permission matrix test refuses one that declares neither this nor {@link RequiresPermission}).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("isAuthenticated()")
public @interface AnySignedInPerson {

}
