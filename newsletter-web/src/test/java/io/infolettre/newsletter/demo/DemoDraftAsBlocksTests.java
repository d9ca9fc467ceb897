package io.infolettre.newsletter.demo;

import java.nio.file.Path;

import io.infolettre.newsletter.rendering.internal.MarkdownBlockTests;
import io.infolettre.newsletter.rendering.internal.TestRenderers;
import org.junit.jupiter.api.Test;

/**
 * The demo draft, written in Markdown before blocks, renders byte for byte the same as one Markdown
 * block: it opens unchanged in the block editor.
 */
class DemoDraftAsBlocksTests {

	@Test
	void theDemoDraftRendersTheSameAsOneMarkdownBlock() {
		MarkdownBlockTests.assertSameBothWays(TestRenderers.shipped(Path.of("..", "templates")), DemoDataLoader.BODY);
	}

}
