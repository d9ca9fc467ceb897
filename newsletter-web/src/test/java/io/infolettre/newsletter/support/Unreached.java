package io.infolettre.newsletter.support;

import java.lang.reflect.Proxy;

/**
 * A stand-in for a service that the request under test must not reach: any call fails the test. For
 * web slice tests about the handling of HTTP input, where the controller needs the service to exist
 * but a refused request never gets to it.
 */
public final class Unreached {

	private Unreached() {
	}

	public static <T> T of(Class<T> service) {
		return service.cast(Proxy.newProxyInstance(service.getClassLoader(), new Class<?>[] { service },
				(proxy, method, args) -> switch (method.getName()) {
					case "toString" -> "unreached " + service.getSimpleName();
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					default -> throw new AssertionError(service.getSimpleName() + "." + method.getName()
							+ " was reached: the request should have been refused before");
				}));
	}

}
