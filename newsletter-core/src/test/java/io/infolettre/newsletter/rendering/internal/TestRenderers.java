package io.infolettre.newsletter.rendering.internal;

import java.nio.file.Path;

import io.infolettre.newsletter.rendering.IssueRenderer;

/** The renderer over a templates folder, for tests of other packages and of the web module. */
public final class TestRenderers {

	private TestRenderers() {
	}

	/** The shipped templates, as the renderer reads them from {@code templates/} at the project's root. */
	public static IssueRenderer shipped(Path templates) {
		return FreeMarkerIssueRendererTests.renderer(templates);
	}

}
