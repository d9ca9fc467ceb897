package io.infolettre.newsletter.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Directory;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.support.AbstractBrowserTests;
import io.infolettre.newsletter.support.HeadlessChromium;
import io.infolettre.newsletter.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The issue's « Done means », as a new coordinator tries it in a real headless Chromium: an issue
 * written from scratch with the block editor (a heading, rich text with a link, a photo uploaded
 * from the editor, a button, an event), two blocks reordered by the arrows and by dragging,
 * « Prénom » put in the subject with the picker, the preview watched, saved, sent as a test; then the
 * message as received: the image at its 600 px variant with alt, width and height, served without
 * its EXIF, the subject personalised, and the shared checker's SpamAssassin score at most 0.5.
 * Screenshots of the editor in French and in English are kept under target/screenshots.
 */
class BlockEditorBrowserTests extends AbstractBrowserTests {

	private static final Path PHOTO = Path.of("src", "test", "resources", "media", "photo-gps.jpg");

	private static final double SPAM_MAX = 0.5;

	// the checks of check-eml.py about what a test send deliberately lacks (« sans suivi »)
	private static final List<String> TEST_SEND_HAS_NONE = List.of("list-unsubscribe", "list-unsubscribe-post", "pixel");

	private final JsonMapper json = JsonMapper.builder().build();

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	MediaLibrary library;

	@BeforeEach
	void desktopWidth() {
		this.browser.manage().window().setSize(new Dimension(1400, 1000));
	}

	@Test
	void writesAnIssueFromBlocksSendsATestAndTheMessageIsRight() throws Exception {
		assertThat(gpsOf(Files.readAllBytes(PHOTO))).as("the test photo carries GPS tags").isNotEmpty();
		logInAndOpen("/admin/issues");
		this.browser.findElement(By.id("new-issue")).click();
		this.browser.findElement(By.id("new-title")).sendKeys("Infolettre blocs " + this.run);
		this.browser.findElement(By.id("create-issue")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-preview")));

		addBlock("heading");
		typeInLine(card(1), "text", "Le programme de janvier");
		addBlock("text");
		WebElement text = card(2).findElement(By.cssSelector("[data-field=html] .ql-editor"));
		text.sendKeys("Tout le détail sur notre site.");
		linkTheLastWords(card(2), "notre site.".length(), "https://exemple.ca/programme");
		addBlock("image");
		uploadPhoto(card(3));
		card(3).findElement(By.cssSelector("[data-field=alt]")).sendKeys("Le fjord du Saguenay en hiver");
		addBlock("button");
		typeInLine(card(4), "label", "Voir le programme");
		card(4).findElement(By.cssSelector("[data-field=url]")).sendKeys("https://exemple.ca/programme");
		addBlock("event");
		typeInLine(card(5), "title", "5 à 7 de la rentrée");
		setDateTime(card(5).findElement(By.cssSelector("[data-field=startsAt]")), "2027-01-21T17:00");
		card(5).findElement(By.cssSelector("[data-field=place]")).sendKeys("Salle des Bâtisseurs, Chicoutimi");
		assertThat(blockTypes()).containsExactly("heading", "text", "image", "button", "event");

		// the button goes above the image with its arrow, then the event is dragged above the image
		clickAction(card(4), "up");
		this.wait.until(d -> blockTypes().equals(List.of("heading", "text", "button", "image", "event")));
		dragAbove(card(5), card(4));
		this.wait.until(d -> blockTypes().equals(List.of("heading", "text", "button", "event", "image")));

		// « Prénom » in the subject, with the picker: a chip, never the syntax
		WebElement subject = this.browser.findElement(By.cssSelector("#frSubject-line .ql-editor"));
		subject.click();
		subject.sendKeys("Votre programme de janvier, ");
		this.browser.findElement(By.cssSelector(".merge-field-button[data-target=frSubject-line]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("merge-field-dialog")));
		assertThat(this.browser.findElement(By.id("merge-field-choice")).getDomProperty("value")).isEqualTo("firstName");
		assertThat(this.browser.findElement(By.id("merge-field-fallback")).getDomProperty("value")).isEqualTo("Membre");
		this.browser.findElement(By.id("merge-field-insert")).click();
		assertThat(this.browser.findElement(By.cssSelector("#frSubject-line .merge-chip")).getText()).isEqualTo("Prénom");
		this.wait.until(d -> value("frSubject").equals("Votre programme de janvier, ${firstName!'Membre'}"));
		assertThat(this.browser.findElement(By.cssSelector(".editor-column")).getText()).doesNotContain("${");

		// the preview follows: subject for the sample member, every block in the frame
		this.wait.until(ExpectedConditions.textToBe(By.id("live-subject"), "Votre programme de janvier, Marie"));
		this.wait.until(d -> livePreviewText().contains("5 à 7 de la rentrée") && livePreviewText().contains("Voir le programme")
				&& livePreviewText().contains("Le programme de janvier") && livePreviewText().contains("Tout le détail sur notre site."));
		assertThat(this.browser.findElement(By.id("preview-kept")).isDisplayed()).isFalse();
		this.browser.executeScript("window.scrollTo(0, 0)");
		screenshot("editor-fr");

		this.browser.findElement(By.id("save")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
		assertThat(this.browser.findElements(By.id("editor-error"))).isEmpty();
		String id = this.browser.getCurrentUrl().replaceAll(".*/issues/([^/]+)/edit.*", "$1");
		JsonNode saved = this.json.readTree(value("frBlocks"));
		assertThat(saved.findValuesAsString("type")).containsExactly("heading", "text", "button", "event", "image");
		Element link = Jsoup.parse(saved.get(1).get("html").asString()).selectFirst("a");
		assertThat(link.attr("href")).isEqualTo("https://exemple.ca/programme");
		assertThat(link.text()).isEqualTo("notre site.");
		String mediaId = saved.get(4).get("mediaId").asString();

		// the English interface, on the English tab started from the French blocks
		this.browser.get(url("/admin/issues/" + id + "/edit?lang=en"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-preview")));
		this.browser.findElement(By.id("tab-en")).click();
		this.browser.findElement(By.id("copy-french")).click();
		this.wait.until(d -> this.browser.findElements(By.cssSelector("#blocks-en > .block-cards > .block-card")).size() == 5);
		assertThat(this.browser.findElement(By.cssSelector("#blocks-en .block-card .block-title")).getText()).isEqualTo("Heading");
		assertThat(value("enSubject")).isEqualTo("Votre programme de janvier, ${firstName!'Membre'}");
		this.wait.until(ExpectedConditions.textToBe(By.id("preview-language"), "en"));
		// the English layout, with the copied blocks
		this.wait.until(d -> livePreviewText().contains("Hello Marie") && livePreviewText().contains("Le programme de janvier"));
		this.browser.executeScript("window.scrollTo(0, 0)");
		screenshot("editor-en");
		this.browser.get(url("/admin/issues/" + id + "/edit?lang=fr"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-preview")));

		// a test, as received
		String to = "relecture." + this.run + "@exemple.ca";
		this.browser.findElement(By.id("testAddresses")).sendKeys(to);
		this.wait.until(d -> Boolean.TRUE.equals(this.browser.executeScript(
				"return document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping') === null")));
		this.browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()",
				this.browser.findElement(By.id("send-test")));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("test-results")));
		MimeMessage received = await().until(() -> Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> TestMailServer.recipient(m).equals(to))
			.findFirst()
			.orElse(null), m -> m != null);
		assertThat(received.getSubject()).isEqualTo("[TEST] Votre programme de janvier, Marie");

		MediaFile media = this.library.find(mediaId).orElseThrow();
		var email = media.emailVariant();
		assertThat(email.width()).isEqualTo(600);
		Document html = Jsoup.parse(htmlOf(received));
		Element image = html.selectFirst("img[alt=Le fjord du Saguenay en hiver]");
		assertThat(image).as(html.body().html()).isNotNull();
		assertThat(image.attr("src")).isEqualTo(email.url()).endsWith("600.jpg");
		// sized for Outlook where it stands (the layout's content width), in the variant's proportions
		int width = Integer.parseInt(image.attr("width"));
		assertThat(width).isBetween(300, 600);
		assertThat(Integer.parseInt(image.attr("height"))).isCloseTo(width * email.height() / email.width(),
				org.assertj.core.data.Offset.offset(1));
		assertThat(html.select("a[href*=exemple.ca/programme]")).isNotEmpty();
		byte[] served = http().getBytes(email.url()).body();
		assertThat(served.length).isGreaterThan(1000);
		assertThat(gpsOf(served)).as("GPS tags of the served file").isEmpty();
		assertThat(exifOf(served)).as("EXIF of the served file").isEmpty();

		Path eml = Path.of("target", "check-eml", "block-editor-" + this.run + ".eml");
		Files.createDirectories(eml.getParent());
		try (var out = Files.newOutputStream(eml)) {
			received.writeTo(out);
		}
		assertSpamScoreAtMost(eml, SPAM_MAX);
		// The message's images have the platform's public address, which the tests' context sets to
		// http://localhost:0 (its port unknown then): only the preview of the message asks for them. A real
		// address is https or this origin, which the admin's policy allows; anything else blocked fails.
		assertThat(HeadlessChromium.contentSecurityPolicyViolations(this.browser))
			.filteredOn(violation -> !violation.contains("Loading the image 'http://localhost:0/media/"))
			.as("blocked by the CSP")
			.isEmpty();
	}

	/**
	 * An issue written in Markdown before blocks (fences, a merge field, a list) opens as one Markdown
	 * block, with its snippet buttons, and saving it untouched changes nothing: same body, no new
	 * version, the same message.
	 */
	@Test
	void anIssueWrittenInMarkdownOpensAsOneMarkdownBlockAndSavesUnchanged() {
		String body = """
				Bonjour ${firstName!'membre'}, voici les nouvelles de **janvier**.

				:::evenement 5 à 7 des membres
				**Date** : jeudi 21 janvier, 17 h\s\s
				**Lieu** : Saguenay

				Venez nombreux. [S’inscrire](https://exemple.ca/inscription)
				:::

				- premier point
				- second point
				""";
		var created = http().api("POST", "/api/v1/issues", this.json.writeValueAsString(java.util.Map.of("title",
				"Markdown " + this.run, "subject", "${firstName!'Membre'}, les nouvelles", "body", body)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = this.json.readTree(created.body()).get("id").asString();
		String messageBefore = http().api("GET", "/api/v1/issues/" + id + "/preview").body();

		logInAndOpen("/admin/issues/" + id + "/edit");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-preview")));
		assertThat(blockTypes()).containsExactly("markdown");
		WebElement markdown = card(1).findElement(By.cssSelector("textarea[data-field=body]"));
		assertThat(markdown.getDomProperty("value")).isEqualTo(body);
		assertThat(card(1).findElements(By.cssSelector("button[data-snippet]")).stream().map(WebElement::getText))
			.containsExactly("Événement", "Formation", "Nouvelles", "Sondage", "Champ personnalisé");
		assertThat(this.browser.findElement(By.cssSelector("#frSubject-line .merge-chip")).getText()).isEqualTo("Prénom");
		String previewBefore = this.browser.findElement(By.id("live-preview")).getDomAttribute("srcdoc");

		this.browser.findElement(By.id("save")).click();
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-preview")));
		assertThat(this.browser.findElement(By.id("live-preview")).getDomAttribute("srcdoc")).isEqualTo(previewBefore);

		JsonNode french = this.json.readTree(http().api("GET", "/api/v1/issues/" + id).body()).get("variants").get("fr");
		assertThat(french.get("body").asString()).isEqualTo(body);
		assertThat(french.get("subject").asString()).isEqualTo("${firstName!'Membre'}, les nouvelles");
		assertThat(french.get("blocks").findValuesAsString("type")).containsExactly("markdown");
		assertThat(this.json.readTree(http().api("GET", "/api/v1/issues/" + id + "/versions").body()).size())
			.as("saving what was opened changes nothing").isZero();
		assertThat(http().api("GET", "/api/v1/issues/" + id + "/preview").body()).isEqualTo(messageBefore);
	}

	// --- the editor, as a person uses it

	private void addBlock(String type) {
		WebElement menu = this.browser.findElement(By.cssSelector("#blocks-fr > .add-block > summary"));
		scrollToCenter(menu);
		menu.click();
		this.browser.findElement(By.cssSelector("#blocks-fr > .add-block [data-add=" + type + "]")).click();
	}

	private WebElement card(int position) {
		return this.browser.findElement(By.cssSelector("#blocks-fr > .block-cards > .block-card[data-path='" + position + "']"));
	}

	private void typeInLine(WebElement card, String field, String text) {
		WebElement line = card.findElement(By.cssSelector("[data-field=" + field + "] .ql-editor"));
		line.click();
		line.sendKeys(text);
	}

	private void linkTheLastWords(WebElement card, int characters, String url) {
		WebElement editor = card.findElement(By.cssSelector("[data-field=html] .ql-editor"));
		editor.sendKeys(Keys.END);
		for (int i = 0; i < characters; i++) {
			editor.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_LEFT));
		}
		card.findElement(By.cssSelector(".ql-toolbar button.ql-link")).click();
		WebElement address = card.findElement(By.cssSelector(".ql-tooltip input[type=text]"));
		this.wait.until(ExpectedConditions.visibilityOf(address));
		address.sendKeys(url, Keys.ENTER);
		this.wait.until(d -> card.findElements(By.cssSelector(".ql-editor a[href='" + url + "']")).size() == 1);
	}

	private void uploadPhoto(WebElement card) {
		WebElement file = card.findElement(By.cssSelector("input[type=file]"));
		// the file chooser is the system's, out of a browser test's reach: the file goes to its input
		this.browser.executeScript("arguments[0].classList.remove('d-none')", file);
		file.sendKeys(PHOTO.toAbsolutePath().toString());
		this.wait.until(d -> card.findElement(By.cssSelector(".image-chosen")).isDisplayed());
		assertThat(card.findElement(By.cssSelector(".image-name")).getText()).isEqualTo("photo-gps.jpg");
		assertThat(card.findElement(By.cssSelector(".image-drop")).isDisplayed()).isFalse();
	}

	private void setDateTime(WebElement input, String value) {
		// a date field's keyboard order follows the browser's language: the value is set as a picker sets it
		this.browser.executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, value);
	}

	private void clickAction(WebElement card, String action) {
		WebElement button = card.findElement(By.cssSelector(".card-header [data-action=" + action + "]"));
		scrollToCenter(button);
		button.click();
	}

	/** Drags a card by its handle above another, in small moves as a hand does (SortableJS reads them). */
	private void dragAbove(WebElement moved, WebElement target) {
		// both in view: the target near the top of the window, the moved card below it
		this.browser.executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -80)", target);
		WebElement handle = moved.findElement(By.cssSelector(".block-handle"));
		WebElement targetHeader = target.findElement(By.cssSelector(".card-header"));
		int dy = targetHeader.getLocation().getY() + 5 - handle.getLocation().getY();
		var drag = new Actions(this.browser).moveToElement(handle).clickAndHold().moveByOffset(0, -5);
		int steps = 12;
		for (int i = 0; i < steps; i++) {
			drag.moveByOffset(0, dy / steps).pause(30);
		}
		// released where the pointer is: the target has moved down under it by then
		drag.pause(200).release().perform();
	}

	private List<String> blockTypes() {
		@SuppressWarnings("unchecked")
		var types = (List<String>) this.browser.executeScript(
				"return [...document.querySelectorAll('#blocks-fr > .block-cards > .block-card')].map(c => c.dataset.type)");
		return types;
	}

	private String value(String id) {
		return this.browser.findElement(By.id(id)).getDomProperty("value");
	}


	// --- the message, as received

	private static String htmlOf(MimeMessage message) throws Exception {
		var parts = (MimeMultipart) message.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			if (parts.getBodyPart(i).isMimeType("text/html")) {
				return (String) parts.getBodyPart(i).getContent();
			}
		}
		throw new AssertionError("no HTML part");
	}

	private static List<String> gpsOf(byte[] image) {
		return tagsOf(image, GpsDirectory.class);
	}

	private static List<String> exifOf(byte[] image) {
		return tagsOf(image, ExifIFD0Directory.class);
	}

	private static List<String> tagsOf(byte[] image, Class<? extends Directory> kind) {
		try {
			var tags = new ArrayList<String>();
			for (Directory directory : ImageMetadataReader.readMetadata(new ByteArrayInputStream(image))
				.getDirectoriesOfType(kind)) {
				directory.getTags().forEach(tag -> tags.add(tag.toString()));
			}
			return tags;
		}
		catch (ImageProcessingException ex) {
			throw new AssertionError("not an image", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The shared checker (../shared/tools/check-eml.py, as scripts/check-mail.sh runs it) on the
	 * received message, SpamAssassin included: a machine without SpamAssassin fails here, it does not
	 * skip (.ci/run installs it).
	 */
	private void assertSpamScoreAtMost(Path eml, double max) throws Exception {
		Path tool = sharedTools().resolve("check-eml.py");
		assertThat(tool).as("the shared checker (set SHARED_TOOLS to its folder)").exists();
		Path report = eml.resolveSibling(eml.getFileName() + ".json");
		Path output = eml.resolveSibling(eml.getFileName() + ".out");
		Process process = new ProcessBuilder("python3", tool.toString(), "--spam-sample", "-1", "--spam-mode", "cli",
				"--json", report.toString(), eml.toString())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("check-eml.py finished").isTrue();
		String out = Files.readString(output);
		JsonNode message = this.json.readTree(report.toFile()).get(0);
		JsonNode spam = message.path("facts").path("spam");
		assertThat(spam.isMissingNode())
			.as("SpamAssassin did not run on the message (is Debian's spamassassin installed? apt-get install "
					+ "spamassassin spamc); check-eml.py said:%n%s", out)
			.isFalse();
		assertThat(spam.get("score").asDouble()).as("SpamAssassin score; check-eml.py said:%n%s", out).isLessThanOrEqualTo(max);
		// a test goes to a reviewer, not a member: untracked, it carries no pixel and no unsubscribe
		var failed = new ArrayList<String>();
		message.get("checks").forEach(check -> {
			if ("FAIL".equals(check.get("status").asString())) {
				failed.add(check.get("check").asString());
			}
		});
		assertThat(failed).as(out).isSubsetOf(TEST_SEND_HAS_NONE);
	}

	private static Path sharedTools() {
		String configured = System.getenv("SHARED_TOOLS");
		// the module's folder is the working directory: the repository's parent holds shared/
		return configured != null && !configured.isBlank() ? Path.of(configured)
				: Path.of("..", "..", "shared", "tools").toAbsolutePath().normalize();
	}

}
