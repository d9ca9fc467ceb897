package io.infolettre.newsletter.rendering.internal;

import java.io.Reader;
import java.io.StringReader;

import freemarker.cache.TemplateLoader;
import io.infolettre.newsletter.rendering.internal.TemplateStore.StoredTemplate;

/**
 * Reads uploaded templates for FreeMarker. FreeMarker's cache asks again after its update delay, so
 * a layout uploaded on one node is used by the others within seconds.
 */
class StoreTemplateLoader implements TemplateLoader {

	private final TemplateStore store;

	StoreTemplateLoader(TemplateStore store) {
		this.store = store;
	}

	@Override
	public Object findTemplateSource(String name) {
		return this.store.find(name).orElse(null);
	}

	@Override
	public long getLastModified(Object source) {
		return ((StoredTemplate) source).updatedAt().toEpochMilli();
	}

	@Override
	public Reader getReader(Object source, String encoding) {
		return new StringReader(((StoredTemplate) source).source());
	}

	@Override
	public void closeTemplateSource(Object source) {
	}

}
