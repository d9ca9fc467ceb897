package io.infolettre.newsletter.admin;

import java.util.Optional;
import java.util.Set;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.segment.Segments;
import io.infolettre.newsletter.subscriber.AttributeDefinitions;
import io.infolettre.newsletter.subscriber.Companies;
import io.infolettre.newsletter.system.AuditSnapshot;
import io.infolettre.newsletter.system.AuditSnapshotSource;

import org.springframework.stereotype.Component;

/** The parts of the audience besides subscribers, as the audit log compares them. */
final class AuditAudienceSnapshots {

	private AuditAudienceSnapshots() {
	}

	/** A segment: its name, description and rules. */
	@Component
	static class SegmentSnapshots implements AuditSnapshotSource {

		private final Segments segments;

		SegmentSnapshots(Segments segments) {
			this.segments = segments;
		}

		@Override
		public Set<AuditKind> kinds() {
			return Set.of(AuditKind.SEGMENT);
		}

		@Override
		public Optional<AuditSnapshot> take(String id) {
			return this.segments.find(id)
				.map(segment -> AuditSnapshot.of(segment.name())
					.put("name", segment.name())
					.put("description", segment.description())
					.put("rules", segment.rules())
					.build());
		}

	}

	/** A company: its name and attributes (its id holds its name). */
	@Component
	static class CompanySnapshots implements AuditSnapshotSource {

		private final Companies companies;

		CompanySnapshots(Companies companies) {
			this.companies = companies;
		}

		@Override
		public Set<AuditKind> kinds() {
			return Set.of(AuditKind.COMPANY);
		}

		@Override
		public Optional<AuditSnapshot> take(String id) {
			// a form names a company by its id, the consents page by its name
			return this.companies.findById(id)
				.or(() -> this.companies.findByName(id))
				.map(company -> AuditSnapshot.of(company.name())
					.put("name", company.name())
					.put("attributes", company.attributes())
					.build());
		}

	}

	/** An attribute the coordinators define, by its name. */
	@Component
	static class AttributeSnapshots implements AuditSnapshotSource {

		private final AttributeDefinitions definitions;

		AttributeSnapshots(AttributeDefinitions definitions) {
			this.definitions = definitions;
		}

		@Override
		public Set<AuditKind> kinds() {
			return Set.of(AuditKind.ATTRIBUTE);
		}

		@Override
		public Optional<AuditSnapshot> take(String name) {
			return this.definitions.find(name)
				.map(definition -> AuditSnapshot.of(definition.name())
					.put("label", definition.label())
					.put("type", definition.type())
					.put("choices", definition.choices())
					.build());
		}

	}

}
