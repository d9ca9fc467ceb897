package io.infolettre.newsletter.admin;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.infolettre.newsletter.support.AbstractBrowserTests;
import io.infolettre.newsletter.support.HeadlessChromium;
import io.infolettre.newsletter.support.TestIssues;
import io.infolettre.newsletter.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A coordinator edits a draft written in Markdown in a real headless Chromium: the preview follows
 * what they type (subject line with a merge field, and the Markdown block inside the sandboxed frame,
 * in French then in English started from a copy of the French), a content block goes in with a
 * snippet button, and a test reaches the relay.
 */
class EditorBrowserTests extends AbstractBrowserTests {

	private final String list = "editeur-" + UUID.randomUUID().toString().substring(0, 8);

	@Test
	void editsADraftSeesThePreviewFollowAndSendsATest() {
		String id = new TestIssues(http()).draftFor(this.list, List.of("a." + this.list + "@membres.exemple.ca"));
		logInAndOpen("/admin/issues/" + id + "/edit");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("live-subject")));

		// the draft of TestIssues is Markdown: it opens as one Markdown block
		WebElement subject = this.browser.findElement(By.cssSelector("#frSubject-line .ql-editor"));
		subject.click();
		subject.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "Grande nouvelle pour ");
		this.browser.findElement(By.cssSelector(".merge-field-button[data-target=frSubject-line]")).click();
		this.browser.findElement(By.id("merge-field-fallback")).clear();
		this.browser.findElement(By.id("merge-field-fallback")).sendKeys("vous");
		this.browser.findElement(By.id("merge-field-insert")).click();
		WebElement body = this.browser.findElement(By.cssSelector("#blocks-fr .block-card[data-type=markdown] textarea"));
		body.clear();
		body.sendKeys("Les inscriptions au colloque régional sont ouvertes.");
		this.wait.until(ExpectedConditions.textToBe(By.id("live-subject"), "Grande nouvelle pour Marie"));
		assertThat(this.browser.findElement(By.id("frSubject")).getDomProperty("value"))
			.isEqualTo("Grande nouvelle pour ${firstName!'vous'}");
		this.wait.until(d -> livePreviewText().contains("Les inscriptions au colloque régional sont ouvertes."));

		this.browser.findElement(By.cssSelector("#blocks-fr .block-card[data-type=markdown] button[data-snippet=sondage]")).click();
		assertThat(body.getDomProperty("value")).contains(":::sondage Votre avis compte", "[Répondre au sondage](");
		this.wait.until(d -> livePreviewText().contains("Répondre au sondage"));
		screenshot("editor-preview");

		this.browser.findElement(By.id("tab-en")).click();
		this.browser.findElement(By.id("copy-french")).click();
		WebElement enSubject = this.browser.findElement(By.cssSelector("#enSubject-line .ql-editor"));
		// the copy brought the French subject along, to translate
		this.wait.until(d -> enSubject.getText().startsWith("Grande nouvelle pour"));
		enSubject.click();
		enSubject.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "Big news");
		WebElement enBody = this.browser.findElement(By.cssSelector("#blocks-en .block-card[data-type=markdown] textarea"));
		enBody.clear();
		enBody.sendKeys("Registration for the regional conference is open.");
		this.wait.until(ExpectedConditions.textToBe(By.id("live-subject"), "Big news"));
		this.wait.until(d -> livePreviewText().contains("Registration for the regional conference is open."));
		this.browser.findElement(By.id("width-mobile")).click();
		// read in one script: htmx may replace the frame between two WebDriver calls
		this.wait.until(d -> ((Number) this.browser
			.executeScript("return document.getElementById('live-preview').getBoundingClientRect().width")).doubleValue() <= 380);
		screenshot("editor-preview-en-mobile");

		String to = "relecture." + this.list + "@exemple.ca";
		this.browser.findElement(By.id("testAddresses")).sendKeys(to);
		WebElement sendTest = this.browser.findElement(By.id("send-test"));
		// typing the address refreshes the preview, which moves the page under the pointer: wait for
		// htmx to settle, then press the button
		this.wait.until(d -> Boolean.TRUE.equals(this.browser.executeScript(
				"return document.querySelector('.htmx-request, .htmx-settling, .htmx-swapping') === null")));
		this.browser.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click()", sendTest);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("test-results")));
		assertThat(this.browser.findElement(By.id("test-results")).getText()).contains(to);

		MimeMessage test = await().until(() -> Arrays.stream(TestMailServer.get().getReceivedMessages())
			.filter(m -> TestMailServer.recipient(m).equals(to))
			.findFirst()
			.orElse(null), m -> m != null);
		assertThat(subjectOf(test)).isEqualTo("[TEST] Grande nouvelle pour Marie");

		this.browser.get(url("/admin/issues/" + id));
		assertThat(this.browser.findElement(By.id("issue-languages")).getText()).isEqualTo("fr, en");
		assertThat(this.browser.findElements(By.cssSelector("#versions .version")))
			.as((String) this.browser.executeScript("return document.getElementById('versions').outerHTML"))
			.hasSize(1);
		// the preview's tabs, on the issue page, are scripts from a file too
		this.browser.findElement(By.cssSelector("a[data-frame=preview]:not(.active)")).click();
		this.wait.until(d -> this.browser.findElement(By.id("preview")).getDomAttribute("src").contains("preview.txt"));
		assertThat(HeadlessChromium.contentSecurityPolicyViolations(this.browser)).as("blocked by the CSP").isEmpty();
	}


	private static String subjectOf(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
