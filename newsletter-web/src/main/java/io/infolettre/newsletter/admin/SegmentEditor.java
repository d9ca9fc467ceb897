package io.infolettre.newsletter.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.infolettre.newsletter.segment.SegmentRule;
import io.infolettre.newsletter.segment.SegmentRule.Condition;
import io.infolettre.newsletter.segment.SegmentRule.Group;
import io.infolettre.newsletter.segment.SegmentRule.Junction;
import io.infolettre.newsletter.segment.SegmentRule.Operator;
import io.infolettre.newsletter.segment.SegmentRule.Subject;
import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeType;

import org.springframework.util.MultiValueMap;

/**
 * The segment editor's form and the rule tree, both ways. Every node of the tree is named by its
 * position ({@code r} the root group, {@code r-2-1} the first member of its second member); a group
 * sends {@code g:<path>:junction} and {@code g:<path>:not}, a rule {@code c:<path>:subject},
 * {@code :operator}, {@code :attribute} and {@code :values} (several values separated by commas).
 * The tree is rebuilt from the form at each change, so the server holds no editing state, and the
 * buttons (add a rule or a group, AND / OR, NOT, remove) are actions applied to the rebuilt tree.
 */
final class SegmentEditor {

	static final String ROOT = "r";

	private SegmentEditor() {
	}

	/** The tree the form describes; an empty form is an empty root group. */
	static Group read(MultiValueMap<String, String> form) {
		Map<String, Node> nodes = new LinkedHashMap<>();
		nodes.put(ROOT, new Node(ROOT, true));
		for (String key : form.keySet()) {
			String[] parts = key.split(":", 3);
			if (parts.length == 3 && (parts[0].equals("g") || parts[0].equals("c")) && isPath(parts[1])) {
				nodes.computeIfAbsent(parts[1], path -> new Node(path, parts[0].equals("g")));
			}
		}
		nodes.values()
			.stream()
			.filter(node -> !node.path.equals(ROOT))
			.sorted(Comparator.comparing(node -> node.path, SegmentEditor::compare))
			.forEach(node -> Optional.ofNullable(nodes.get(parent(node.path))).ifPresent(p -> p.children.add(node)));
		return (Group) nodes.get(ROOT).toRule(form);
	}

	/**
	 * Applies one of the editor's buttons: {@code add-rule:<group>}, {@code add-group:<group>},
	 * {@code junction:<group>}, {@code not:<group>}, {@code remove:<node>}.
	 */
	static Group apply(Group root, String action) {
		if (action == null || !action.contains(":")) {
			return root;
		}
		String verb = action.substring(0, action.indexOf(':'));
		String target = action.substring(action.indexOf(':') + 1);
		return (Group) change(root, ROOT, verb, target);
	}

	private static SegmentRule change(SegmentRule rule, String path, String verb, String target) {
		if (!(rule instanceof Group group)) {
			return rule;
		}
		List<SegmentRule> rules = new ArrayList<>();
		for (int i = 0; i < group.rules().size(); i++) {
			String childPath = path + "-" + (i + 1);
			if (!(verb.equals("remove") && childPath.equals(target))) {
				rules.add(change(group.rules().get(i), childPath, verb, target));
			}
		}
		Junction junction = group.junction();
		boolean negated = group.negated();
		if (path.equals(target)) {
			switch (verb) {
				case "add-rule" -> rules.add(new Condition(Subject.ATTRIBUTE, Operator.EQUALS, "secteur", List.of()));
				case "add-group" -> rules.add(new Group(junction == Junction.AND ? Junction.OR : Junction.AND, false,
						List.of(new Condition(Subject.TAG, Operator.EQUALS, null, List.of()))));
				case "junction" -> junction = junction == Junction.AND ? Junction.OR : Junction.AND;
				case "not" -> negated = !negated;
				default -> {
					// an unknown button changes nothing
				}
			}
		}
		return new Group(junction, negated, rules);
	}

	/**
	 * What the page shows for each node.
	 * @param attributes the attribute definitions, for the operators each type allows
	 * @param errorPath the position of the rule the compiler refused ({@code 2.1}), or {@code null}
	 */
	static RuleView view(Group root, List<AttributeDefinition> attributes, String errorPath, String error) {
		return view(root, ROOT, attributes, errorPath == null ? null : errorNode(errorPath), error);
	}

	/** The editor's name of the node at the compiler's position {@code 2.1}: {@code r-2-1}. */
	static String errorNode(String errorPath) {
		return ROOT + "-" + errorPath.replace('.', '-');
	}

	private static RuleView view(SegmentRule rule, String path, List<AttributeDefinition> attributes, String errorAt,
			String error) {
		String own = path.equals(errorAt) ? error : null;
		if (rule instanceof Group group) {
			List<RuleView> children = new ArrayList<>();
			for (int i = 0; i < group.rules().size(); i++) {
				children.add(view(group.rules().get(i), path + "-" + (i + 1), attributes, errorAt, error));
			}
			return new RuleView(path, true, group.junction().name(), group.negated(), children, null, null, null, "",
					List.of(), List.of(), own);
		}
		Condition condition = (Condition) rule;
		Optional<AttributeDefinition> definition = attributes.stream()
			.filter(d -> d.name().equals(condition.attribute()))
			.findFirst();
		List<Operator> operators = operators(condition.subject(), definition.map(AttributeDefinition::type).orElse(null));
		Operator operator = operators.contains(condition.operator()) ? condition.operator() : operators.get(0);
		return new RuleView(path, false, null, false, List.of(), condition.subject().name(), operator.name(),
				condition.attribute(), String.join(", ", condition.values()), operators.stream().map(Enum::name).toList(),
				suggestions(condition.subject(), definition), own);
	}

	/** The comparisons that make sense for a subject (and an attribute's type). */
	static List<Operator> operators(Subject subject, AttributeType type) {
		return switch (subject) {
			case ATTRIBUTE, COMPANY_ATTRIBUTE -> type == null ? List.of(Operator.EQUALS, Operator.IN, Operator.IS_SET)
					: switch (type) {
						case TEXT, CHOICE -> List.of(Operator.EQUALS, Operator.IN, Operator.CONTAINS, Operator.IS_SET);
						case NUMBER -> List.of(Operator.EQUALS, Operator.GREATER_THAN, Operator.LESS_THAN, Operator.IN,
								Operator.IS_SET);
						case DATE -> List.of(Operator.BEFORE, Operator.AFTER, Operator.EQUALS, Operator.IS_SET);
						case BOOLEAN -> List.of(Operator.EQUALS, Operator.IS_SET);
					};
			case ENGAGEMENT -> List.of(Operator.OPENED_ONE_OF_LAST);
			default -> List.of(Operator.EQUALS, Operator.IN);
		};
	}

	private static List<String> suggestions(Subject subject, Optional<AttributeDefinition> definition) {
		return switch (subject) {
			case ATTRIBUTE, COMPANY_ATTRIBUTE -> definition.map(d -> d.type() == AttributeType.BOOLEAN
					? List.of("oui", "non") : d.choices()).orElse(List.of());
			case LANGUAGE -> List.of("fr", "en");
			case STATUS -> Arrays.stream(io.infolettre.newsletter.subscriber.SubscriberStatus.values())
				.map(Enum::name)
				.toList();
			case CONSENT -> Arrays.stream(io.infolettre.newsletter.subscriber.Consent.Type.values()).map(Enum::name).toList();
			default -> List.of();
		};
	}

	/** Every path of the tree, for the error slots the live preview refreshes. */
	static List<String> paths(RuleView view) {
		List<String> paths = new ArrayList<>();
		paths.add(view.path());
		view.children().forEach(child -> paths.addAll(paths(child)));
		return paths;
	}

	private static boolean isPath(String path) {
		return path.equals(ROOT) || path.matches("r(-[1-9][0-9]{0,3}){1,8}");
	}

	private static String parent(String path) {
		return path.substring(0, path.lastIndexOf('-'));
	}

	private static int compare(String a, String b) {
		int[] x = Arrays.stream(a.substring(2).split("-")).mapToInt(Integer::parseInt).toArray();
		int[] y = Arrays.stream(b.substring(2).split("-")).mapToInt(Integer::parseInt).toArray();
		return Arrays.compare(x, y);
	}

	/** A node of the form while the tree is rebuilt. */
	private static final class Node {

		final String path;

		final boolean group;

		final List<Node> children = new ArrayList<>();

		Node(String path, boolean group) {
			this.path = path;
			this.group = group;
		}

		SegmentRule toRule(MultiValueMap<String, String> form) {
			if (this.group) {
				Junction junction = "OR".equals(form.getFirst("g:" + this.path + ":junction")) ? Junction.OR : Junction.AND;
				boolean negated = "true".equals(form.getFirst("g:" + this.path + ":not"));
				return new Group(junction, negated, this.children.stream().map(child -> child.toRule(form)).toList());
			}
			Subject subject = parse(Subject.class, form.getFirst("c:" + this.path + ":subject"), Subject.ATTRIBUTE);
			Operator operator = parse(Operator.class, form.getFirst("c:" + this.path + ":operator"), Operator.EQUALS);
			String attribute = form.getFirst("c:" + this.path + ":attribute");
			String values = form.getFirst("c:" + this.path + ":values");
			boolean attributeRule = subject == Subject.ATTRIBUTE || subject == Subject.COMPANY_ATTRIBUTE;
			return new Condition(subject, operator, attributeRule ? attribute : null, values == null || values.isBlank()
					? List.of() : Arrays.stream(values.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList());
		}

		private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
			try {
				return value == null ? fallback : Enum.valueOf(type, value);
			}
			catch (IllegalArgumentException ex) {
				return fallback;
			}
		}

	}

	/**
	 * A node as the page shows it.
	 * @param operators the comparisons offered for this rule
	 * @param suggestions values offered in the value field (choices, languages, statuses)
	 * @param error the compiler's refusal of this rule, if it is the one refused
	 */
	record RuleView(String path, boolean group, String junction, boolean negated, List<RuleView> children,
			String subject, String operator, String attribute, String values, List<String> operators,
			List<String> suggestions, String error) {
	}

}
