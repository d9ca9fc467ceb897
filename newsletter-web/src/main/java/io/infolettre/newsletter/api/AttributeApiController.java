package io.infolettre.newsletter.api;

import java.util.List;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.subscriber.AttributeDefinition;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.AttributeType;
import io.infolettre.newsletter.subscriber.SubscriberNotFoundException;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The attribute definitions: the built-in ones and the coordinator's, with their types. */
@RestController
@RequestMapping("/api/v1/attributes")
@RequiresPermission(Permission.AUDIENCE_READ)
class AttributeApiController {

	private final AttributeDefinitions definitions;

	AttributeApiController(AttributeDefinitions definitions) {
		this.definitions = definitions;
	}

	@GetMapping
	List<AttributeDefinition> list() {
		return this.definitions.all();
	}

	@GetMapping("/{name}")
	AttributeDefinition get(@PathVariable String name) {
		return this.definitions.find(name).orElseThrow(() -> new SubscriberNotFoundException(name));
	}

	/** Adds or changes a definition; a built-in one keeps its type. */
	@Audited(kind = AuditKind.ATTRIBUTE, action = "attribute.save", target = "name")
	@PutMapping("/{name}")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	AttributeDefinition save(@PathVariable String name, @RequestBody Definition definition) {
		return this.definitions.save(new AttributeDefinition(name, definition.label(), definition.type(),
				definition.choices(), false));
	}

	record Definition(String label, AttributeType type, List<String> choices) {
	}

}
