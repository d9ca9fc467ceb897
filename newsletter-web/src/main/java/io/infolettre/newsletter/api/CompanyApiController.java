package io.infolettre.newsletter.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.infolettre.newsletter.people.Permission;
import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.subscriber.Companies;
import io.infolettre.newsletter.subscriber.Company;
import io.infolettre.newsletter.subscriber.SubscriberNotFoundException;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.system.RequiresPermission;
import io.infolettre.newsletter.system.Audited;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Member companies: a page at a time, one with its contacts (who receives what), and its attributes.
 * A company's id is {@code company:} and its name in lower case, URL-encoded in the path.
 */
@RestController
@RequestMapping("/api/v1/companies")
@RequiresPermission(Permission.AUDIENCE_READ)
class CompanyApiController {

	static final int CONTACTS = 1000;

	private final Companies companies;

	private final Subscribers subscribers;

	CompanyApiController(Companies companies, Subscribers subscribers) {
		this.companies = companies;
		this.subscribers = subscribers;
	}

	@GetMapping
	Page list(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
			@RequestParam(defaultValue = "100") int size) {
		int bounded = Math.max(1, Math.min(size, 500));
		List<Company> found = this.companies.page(q, after, bounded + 1);
		return found.size() > bounded ? new Page(found.subList(0, bounded), found.get(bounded - 1).id())
				: new Page(found, null);
	}

	@GetMapping("/{id}")
	CompanyResource get(@PathVariable String id) {
		Company company = this.companies.findById(id).orElseThrow(() -> new SubscriberNotFoundException(id));
		return new CompanyResource(company.id(), company.name(), company.attributes(), company.createdAt(),
				company.updatedAt(), this.subscribers.findByCompany(company.name(), CONTACTS)
					.stream()
					.map(SubscriberResource::of)
					.toList());
	}

	/** Sets the attributes named, each checked against its definition (an empty string removes one). */
	@Audited(kind = AuditKind.COMPANY, action = "company.edit")
	@PutMapping("/{id}")
	@RequiresPermission(Permission.AUDIENCE_EDIT)
	CompanyResource change(@PathVariable String id, @RequestBody Change change) {
		if (change.attributes() != null) {
			this.companies.setAttributes(id, change.attributes());
		}
		return get(id);
	}

	record Page(List<Company> companies, String next) {
	}

	record Change(Map<String, String> attributes) {
	}

	/** A company with its contacts: their status, lists and consent. */
	record CompanyResource(String id, String name, Map<String, Object> attributes, Instant createdAt, Instant updatedAt,
			List<SubscriberResource> contacts) {
	}

}
