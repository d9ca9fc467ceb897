package io.infolettre.newsletter.rendering.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where uploaded template files are kept, by file name ({@code annonce_en.html.ftlh}). */
interface TemplateStore {

	/** No uploads: the folder and the built-in templates only (unit tests). */
	TemplateStore NONE = new TemplateStore() {

		@Override
		public Optional<StoredTemplate> find(String file) {
			return Optional.empty();
		}

		@Override
		public List<StoredTemplate> all() {
			return List.of();
		}

		@Override
		public void save(StoredTemplate template) {
			throw new UnsupportedOperationException("no template store");
		}

	};

	Optional<StoredTemplate> find(String file);

	List<StoredTemplate> all();

	void save(StoredTemplate template);

	record StoredTemplate(String file, String source, Instant updatedAt) {
	}

}
