package io.infolettre.newsletter.admin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import io.infolettre.newsletter.people.Role;
import io.infolettre.newsletter.rendering.RenderedMessage;
import io.infolettre.newsletter.rendering.TemplateLibrary;
import io.infolettre.newsletter.rendering.TemplateOrigin;
import io.infolettre.newsletter.rendering.TemplateSummary;
import io.infolettre.newsletter.rendering.TemplateUpload;
import io.infolettre.newsletter.support.WebSliceTest;
import io.infolettre.newsletter.system.WebSliceSecurity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The upload of a layout, on the application's web layer, Thymeleaf pages and security without a
 * server: a file that is not UTF-8 text or is larger than a layout can be is refused before anything
 * reads it as a template, and comes back as the page with the reason; the upload needs a coordinator
 * and the page's CSRF token. The library behind is a stand-in that lists one layout and fails if an
 * upload reaches it: what is tested is the handling of the files, not the templates (the integration
 * tests render and refuse those for real).
 */
@WebSliceTest(TemplateAdminController.class)
class TemplateUploadSliceTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aFileThatIsNotUtf8IsRefusedWithTheReason() {
		byte[] windows1252 = "<p>Hélène</p>".getBytes(StandardCharsets.ISO_8859_1);

		var refused = upload(new MockMultipartFile("html", "gabarit.html.ftlh", "text/html", windows1252));

		assertThat(refused).hasStatus(HttpStatus.OK);
		var page = page(refused);
		assertThat(page.select("#template-problems").text()).contains("Le modèle n’a pas été enregistré")
			.contains("gabarit.html.ftlh")
			.contains("le fichier n’est pas du texte UTF-8");
		assertThat(page.select("tr[data-template]").eachAttr("data-template")).containsExactly("infolettre");
		assertThat(page.select("#template-name").attr("value")).isEqualTo("annonce");
	}

	@Test
	void aFileLargerThanALayoutCanBeIsRefusedUnread() {
		byte[] large = new byte[TemplateUpload.MAX_PART_BYTES + 1];
		Arrays.fill(large, (byte) 'a');

		var refused = upload(new MockMultipartFile("html", "enorme.html.ftlh", "text/html", large));

		assertThat(refused).hasStatus(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(page(refused).select("#template-problems").text()).contains("enorme.html.ftlh")
			.contains("le fichier dépasse 1 Mo");
	}

	@Test
	void theUploadWantsACoordinatorAndThePagesToken() {
		var file = new MockMultipartFile("html", "gabarit.html.ftlh", "text/html", "<p>x</p>".getBytes());

		var anonymous = this.mvc.post().uri("/admin/templates").multipart().file(file).with(csrf()).exchange();
		var reader = this.mvc.post()
			.uri("/admin/templates")
			.multipart()
			.file(file)
			.with(user(WebSliceSecurity.READER).authorities(WebSliceSecurity.authorities(Role.READER)))
			.with(csrf())
			.exchange();
		var withoutToken = this.mvc.post()
			.uri("/admin/templates")
			.multipart()
			.file(file)
			.with(user(WebSliceSecurity.ADMIN).authorities(WebSliceSecurity.authorities(Role.ADMIN)))
			.exchange();

		assertThat(anonymous).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
		assertThat(reader).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(withoutToken).hasStatus(HttpStatus.FORBIDDEN);
	}

	private MvcTestResult upload(MockMultipartFile html) {
		return this.mvc.post()
			.uri("/admin/templates")
			.multipart()
			.file(html)
			.param("name", "annonce")
			.param("language", "fr")
			.with(user(WebSliceSecurity.ADMIN).authorities(WebSliceSecurity.authorities(Role.ADMIN)))
			.with(csrf())
			.exchange();
	}

	private static Document page(MvcTestResult result) {
		return Jsoup.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	/** One layout to list; an upload or a preview that reaches the library fails the test. */
	@TestConfiguration(proxyBeanMethods = false)
	static class OneLayout {

		@Bean
		TemplateLibrary templateLibrary() {
			return new TemplateLibrary() {

				@Override
				public List<TemplateSummary> templates() {
					return List.of(new TemplateSummary("infolettre", TemplateOrigin.BUILT_IN, List.of("fr", "en"),
							List.of()));
				}

				@Override
				public TemplateSummary save(TemplateUpload upload) {
					throw new AssertionError("the upload should have been refused before the library");
				}

				@Override
				public RenderedMessage preview(String name, String language) {
					throw new AssertionError("no preview in these tests");
				}

			};
		}

	}

}
