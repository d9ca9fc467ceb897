package io.infolettre.newsletter.indexcontract;

import java.security.CodeSource;
import java.util.Optional;
import java.util.Set;

/**
 * Who sent a command, read from the calling thread's stack: the first frame of the application's
 * code, else the first frame of a library that is not the driver or Spring Data (Spring Batch's job
 * repository, for example). A command whose first frame of {@code io.infolettre} code is test code
 * (a test reading the database to check an outcome) is the test's own, not the application's.
 */
record Sender(String frame, boolean isTest) {

	private static final String APPLICATION = "io.infolettre.newsletter.";

	private static final Set<String> PLUMBING = Set.of("java.", "javax.", "jdk.", "sun.", "com.mongodb.", "org.bson.",
			"org.springframework.data.", "org.springframework.aop.", "org.springframework.cglib.",
			"org.springframework.util.", "org.springframework.transaction.", "io.micrometer.");

	// the listener's own frames, above the driver's
	private static final Set<String> RECORDER = Set.of(RecordedCommands.class.getName(), Sender.class.getName());

	private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

	private static final ClassValue<Boolean> TEST_CODE = new ClassValue<>() {
		@Override
		protected Boolean computeValue(Class<?> type) {
			CodeSource source = type.getProtectionDomain().getCodeSource();
			String location = source == null || source.getLocation() == null ? "" : source.getLocation().toString();
			return location.contains("/test-classes/") || location.endsWith("-tests.jar");
		}
	};

	static Sender current() {
		return WALKER.walk(frames -> {
			Optional<StackWalker.StackFrame> library = Optional.empty();
			var iterator = frames.iterator();
			while (iterator.hasNext()) {
				var frame = iterator.next();
				String type = frame.getClassName();
				if (RECORDER.contains(type)) {
					continue;
				}
				if (type.startsWith(APPLICATION)) {
					return new Sender(describe(frame), TEST_CODE.get(frame.getDeclaringClass()));
				}
				if (library.isEmpty() && PLUMBING.stream().noneMatch(type::startsWith)) {
					library = Optional.of(frame);
				}
			}
			return new Sender(library.map(Sender::describe).orElse("(unknown)"), false);
		});
	}

	/**
	 * The application's method that declares indexes: the outermost frame of the application's code
	 * that called the driver, so that a helper ({@code Indexes.create}) names the store that uses it.
	 */
	static String declarer() {
		return WALKER.walk(frames -> {
			String declarer = "(unknown)";
			boolean inApplication = false;
			var iterator = frames.iterator();
			while (iterator.hasNext()) {
				var frame = iterator.next();
				boolean application = frame.getClassName().startsWith(APPLICATION)
						&& !RECORDER.contains(frame.getClassName()) && !TEST_CODE.get(frame.getDeclaringClass());
				if (application) {
					String type = frame.getClassName();
					declarer = type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName();
					inApplication = true;
				}
				else if (inApplication) {
					break;
				}
			}
			return declarer;
		});
	}

	private static String describe(StackWalker.StackFrame frame) {
		String type = frame.getClassName();
		String simple = type.substring(type.lastIndexOf('.') + 1);
		return simple + "." + frame.getMethodName() + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
	}

}
