package io.infolettre.newsletter.system;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.infolettre.newsletter.audit.AuditEntry;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.audit.AuditLog;
import io.infolettre.newsletter.audit.FieldChange;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Around every {@link Audited} handler (inside method security: a refused call records nothing):
 * a snapshot of the target before, the handler, a snapshot after, and an entry in the audit log with
 * the fields that changed, only when the change succeeded. A handler failed when it threw, answered
 * 4xx or 5xx, or gave its page or its redirect one of the attributes the admin pages show a refusal
 * with. An entry that cannot be written is logged as an error rather than turned into a failure of a
 * change that is already made.
 */
@Component
class AuditRecorder {

	private static final Logger logger = LoggerFactory.getLogger(AuditRecorder.class);

	// the model and flash attributes through which the admin pages say a change was refused
	static final Set<String> REFUSALS = Set.of("error", "formError", "formErrorKey", "problem", "problems",
			"templateProblem", "blockProblem");

	private final AuditLog log;

	private final CurrentActor actor;

	private final MessageSource messages;

	private final Map<AuditKind, AuditSnapshotSource> sources = new EnumMap<>(AuditKind.class);

	AuditRecorder(AuditLog log, CurrentActor actor, MessageSource messages, List<AuditSnapshotSource> sources) {
		this.log = log;
		this.actor = actor;
		this.messages = messages;
		sources.forEach(source -> source.kinds().forEach(kind -> this.sources.put(kind, source)));
	}

	Object around(MethodInvocation invocation) throws Throwable {
		Audited audited = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), Audited.class);
		if (audited == null || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
			return invocation.proceed();
		}
		AuditSnapshotSource source = this.sources.get(audited.kind());
		String targetId = audited.creates() ? null
				: Audited.SELF.equals(audited.target()) ? this.actor.get().personId()
						: requestValue(request.getRequest(), audited.target());
		if (targetId == null && source != null && source.onlyTarget().isPresent()) {
			targetId = source.onlyTarget().get();
		}
		Optional<AuditSnapshot> before = take(source, targetId);
		Object answer = invocation.proceed();
		try {
			if (!refused(answer, invocation.getArguments(), request.getResponse())) {
				record(audited, source, targetId != null ? targetId : createdId(answer, source), before,
						request.getRequest());
			}
		}
		catch (RuntimeException ex) {
			logger.error("The audit entry of {} could not be recorded", audited.action(), ex);
		}
		return answer;
	}

	private void record(Audited audited, AuditSnapshotSource source, String targetId, Optional<AuditSnapshot> before,
			HttpServletRequest request) {
		Optional<AuditSnapshot> after = take(source, targetId);
		List<FieldChange> changes = AuditDiff.between(before.map(AuditSnapshot::fields).orElse(Map.of()),
				after.map(AuditSnapshot::fields).orElse(Map.of()));
		String label = after.or(() -> before).map(AuditSnapshot::label).orElseGet(() -> uploadedFileName(request));
		if (audited.kind().aboutSubscriber() && before.isPresent() && after.isEmpty()) {
			// the subscriber was erased: their earlier entries are anonymised already, this one is born so
			label = AuditEntry.ERASED_LABEL;
			changes = AuditDiff.withoutValues(changes);
		}
		String text = this.messages.getMessage("audit.action." + audited.action(), null, audited.action(),
				Locale.CANADA_FRENCH);
		this.log.record(AuditEntry.of(this.actor.get(), audited.kind(), targetId, label, audited.action(), text,
				changes));
	}

	private static Optional<AuditSnapshot> take(AuditSnapshotSource source, String id) {
		if (source == null || id == null || id.isBlank()) {
			return Optional.empty();
		}
		try {
			return source.take(id);
		}
		catch (RuntimeException ex) {
			// an id that names nothing (the handler answers 404 by itself)
			return Optional.empty();
		}
	}

	private static boolean refused(Object answer, Object[] arguments, HttpServletResponse response) {
		if (response != null && response.getStatus() >= 400) {
			return true;
		}
		if (answer instanceof ResponseEntity<?> entity && entity.getStatusCode().isError()) {
			return true;
		}
		for (Object argument : arguments) {
			if (argument instanceof RedirectAttributes redirect
					&& redirect.getFlashAttributes().keySet().stream().anyMatch(REFUSALS::contains)) {
				return true;
			}
			if (argument instanceof Model model && model.asMap().keySet().stream().anyMatch(REFUSALS::contains)) {
				return true;
			}
		}
		return false;
	}

	@SuppressWarnings("unchecked")
	private static String requestValue(HttpServletRequest request, String name) {
		if (name.isEmpty()) {
			return null;
		}
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables instanceof Map<?, ?> map && map.get(name) != null) {
			return ((Map<String, String>) map).get(name);
		}
		String parameter = request.getParameter(name);
		return parameter == null || parameter.isBlank() ? null : parameter;
	}

	/**
	 * The id of what a handler made: the last segment of its Location header, the id of the body it
	 * answers, or the segment of the page it redirects to that names an existing target.
	 */
	static String createdId(Object answer, AuditSnapshotSource source) {
		if (answer instanceof ResponseEntity<?> entity) {
			URI location = entity.getHeaders().getLocation();
			if (location != null && location.getPath() != null) {
				return lastSegment(location.getPath());
			}
			return idOf(entity.getBody());
		}
		if (answer instanceof String view && view.startsWith("redirect:")) {
			// the redirect as written by the handler: its query may hold characters a URI refuses
			String target = view.substring("redirect:".length());
			// a list page that shows the new target at its anchor: /admin/people#person-<id>
			int anchor = target.indexOf('#');
			if (anchor >= 0 && target.lastIndexOf('-') > anchor) {
				String fromAnchor = target.substring(target.lastIndexOf('-') + 1);
				if (take(source, fromAnchor).isPresent()) {
					return fromAnchor;
				}
			}
			String path = target.split("[?#]", 2)[0];
			String[] segments = path.split("/");
			for (int i = segments.length - 1; i >= 0; i--) {
				if (!segments[i].isEmpty() && take(source, segments[i]).isPresent()) {
					return segments[i];
				}
			}
			return null;
		}
		return idOf(answer);
	}

	private static String idOf(Object body) {
		if (body == null) {
			return null;
		}
		try {
			if (body.getClass().isRecord()) {
				// a layout is named, not numbered
				for (String name : new String[] { "id", "name" }) {
					for (RecordComponent component : body.getClass().getRecordComponents()) {
						if (component.getName().equals(name)) {
							component.getAccessor().setAccessible(true);
							return String.valueOf(component.getAccessor().invoke(body));
						}
					}
				}
				return null;
			}
			Method getter = body.getClass().getMethod("getId");
			return String.valueOf(getter.invoke(body));
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return null;
		}
	}

	private static String lastSegment(String path) {
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		return trimmed.substring(trimmed.lastIndexOf('/') + 1);
	}

	private static String uploadedFileName(HttpServletRequest request) {
		if (request instanceof MultipartHttpServletRequest multipart) {
			return multipart.getFileMap()
				.values()
				.stream()
				.map(file -> file.getOriginalFilename())
				.filter(name -> name != null && !name.isBlank())
				.findFirst()
				.orElse(null);
		}
		return null;
	}

}
