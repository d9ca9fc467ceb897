package io.infolettre.newsletter.admin;

import java.util.Optional;
import java.util.Set;

import io.infolettre.newsletter.audit.AuditKind;
import io.infolettre.newsletter.issue.SavedBlocks;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.rendering.TemplateLibrary;
import io.infolettre.newsletter.series.SeriesManagement;
import io.infolettre.newsletter.series.SeriesNotFoundException;
import io.infolettre.newsletter.subscriber.SubscriberImports;
import io.infolettre.newsletter.system.AuditSnapshot;
import io.infolettre.newsletter.system.AuditSnapshotSource;

import org.springframework.stereotype.Component;

/** What issues are made of and how they go out, besides issues themselves, as the audit log compares it. */
final class AuditContentSnapshots {

	private AuditContentSnapshots() {
	}

	/** A recurring series: its rule, its model, its mode and whether it runs. */
	@Component
	static class SeriesSnapshots implements AuditSnapshotSource {

		private final SeriesManagement series;

		SeriesSnapshots(SeriesManagement series) {
			this.series = series;
		}

		@Override
		public Set<AuditKind> kinds() {
			return Set.of(AuditKind.SERIES);
		}

		@Override
		public Optional<AuditSnapshot> take(String id) {
			try {
				var one = this.series.get(id);
				return Optional.of(AuditSnapshot.of(one.getName())
					.put("name", one.getName())
					.put("modelIssueId", one.getModelIssueId())
					.put("recurrence", one.getRecurrence())
					.put("mode", one.getMode())
					.put("leadDays", one.getLeadDays())
					.put("window", one.getWindow())
					.put("active", one.isActive())
					.build());
			}
			catch (SeriesNotFoundException ex) {
				return Optional.empty();
			}
		}

	}

	/** An image of the media library. */
	@Component
	static class MediaSnapshots implements AuditSnapshotSource {

		private final MediaLibrary library;

		MediaSnapshots(MediaLibrary library) {
			this.library = library;
		}

		@Override
		public Set<AuditKind> kinds() {
			return Set.of(AuditKind.MEDIA);
		}

		@Override
		public Optional<AuditSnapshot> take(String id) {
			return this.library.find(id)
				.map(image -> AuditSnapshot.of(image.name())
					.put("name", image.name())
					.put("contentType", image.contentType())
					.put("size", image.width() + "×" + image.height() + " px, " + image.bytes() + " o")
					.build());
		}

	}

	/** A block saved for reuse: its name and its fields. */
	@Component
	static class SavedBlockSnapshots implements AuditSnapshotSource {

		private final SavedBlocks blocks;

		SavedBlockSnapshots(SavedBlocks blocks) {
			this.blocks = blocks;
		}

		@Override
		public Set<AuditKind> kinds() {
			return Set.of(AuditKind.SAVED_BLOCK);
		}

		@Override
		public Optional<AuditSnapshot> take(String id) {
			return this.blocks.find(id)
				.map(saved -> AuditSnapshot.of(saved.name())
					.put("name", saved.name())
					.put("type", saved.block().type())
					.put("block", saved.block().fields())
					.build());
		}

	}

	/** A layout, by its name: where it is read from, its languages, whether it renders. */
	@Component
	static class TemplateSnapshots implements AuditSnapshotSource {

		private final TemplateLibrary library;

		TemplateSnapshots(TemplateLibrary library) {
			this.library = library;
		}

		@Override
		public Set<AuditKind> kinds() {
			return Set.of(AuditKind.TEMPLATE);
		}

		@Override
		public Optional<AuditSnapshot> take(String name) {
			return this.library.templates()
				.stream()
				.filter(template -> template.name().equals(name))
				.findFirst()
				.map(template -> AuditSnapshot.of(template.name())
					.put("origin", template.origin())
					.put("languages", template.languages())
					.put("usable", template.usable())
					.build());
		}

	}

	/** An import of subscribers: its file, its mode, where it stands and what it did. */
	@Component
	static class ImportSnapshots implements AuditSnapshotSource {

		private final SubscriberImports imports;

		ImportSnapshots(SubscriberImports imports) {
			this.imports = imports;
		}

		@Override
		public Set<AuditKind> kinds() {
			return Set.of(AuditKind.IMPORT);
		}

		@Override
		public Optional<AuditSnapshot> take(String id) {
			return this.imports.find(id)
				.map(job -> AuditSnapshot.of(job.fileName())
					.put("fileName", job.fileName())
					.put("mode", job.mode())
					.put("status", job.status())
					.build());
		}

	}

}
