package io.infolettre.newsletter.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of the embedded MongoDB-wire server itself (how the application starts it): it runs against
 * the embedded server even when {@code NEWSLETTER_TEST_MONGODB_URI} names another one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface KeepsEmbeddedMongo {

}
