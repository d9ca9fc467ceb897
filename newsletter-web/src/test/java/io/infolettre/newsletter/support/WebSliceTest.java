package io.infolettre.newsletter.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.infolettre.newsletter.system.WebSliceSecurity;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice test: the controllers named, the application's controller advice, MVC configuration
 * (French first, {@code ?lang=en}), messages, Thymeleaf and its own security (WebSliceSecurity), on
 * MockMvc: no server, no database, no mail, so it runs with the unit tests. The services behind the
 * controllers are hand-written stand-ins (WebSliceStandIns).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebMvcTest
@Import({ WebSliceSecurity.class, WebSliceStandIns.class })
public @interface WebSliceTest {

	/** The controllers under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

}
