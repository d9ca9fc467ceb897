package io.infolettre.newsletter.admin;

import java.nio.file.Files;
import java.nio.file.Path;

import io.infolettre.newsletter.fixtures.TestImages;
import io.infolettre.newsletter.media.MediaFile;
import io.infolettre.newsletter.media.MediaLibrary;
import io.infolettre.newsletter.media.MediaUse;
import io.infolettre.newsletter.support.AbstractBrowserTests;
import io.infolettre.newsletter.support.TestMediaUses;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The media library in a real headless Chromium, as a coordinator uses it: choose a phone photo
 * with the file picker, see it in the grid with its thumbnail loaded, be told why a PHP file renamed
 * {@code .png} is refused, see where a used image is used, and delete the photo after confirming.
 */
class MediaBrowserTests extends AbstractBrowserTests {

	@Autowired
	MediaLibrary library;

	@Autowired
	TestMediaUses uses;

	@Test
	void uploadsAPhotoWithTheFilePickerSeesItListedAndDeletesIt() throws Exception {
		String tag = String.valueOf(System.nanoTime() % 100_000);
		Path photo = Files.createTempDirectory("media").resolve("quai-alma.jpg");
		Files.write(photo, TestImages.resource("media/photo-gps.jpg"));
		Path shell = photo.resolveSibling("shell.png");
		Files.writeString(shell, "<?php system($_GET['c']); ?>");
		MediaFile logo = this.library.upload("Logo de l’association " + tag, TestImages.png(TestImages.transparentLogo(400, 400)));
		this.uses.use(logo.id(), new MediaUse(MediaUse.ISSUE, "6b0825c8616373ee2861297e", "Infolettre de décembre"));
		try {
			logInAndOpen("/admin/media");
			assertThat(this.browser.findElement(By.id("nav-media")).getText()).isEqualTo("Médiathèque");

			this.browser.findElement(By.id("media-file")).sendKeys(photo.toString());
			this.browser.findElement(By.id("media-name")).sendKeys("Quai d’Alma " + tag);
			this.browser.findElement(By.id("media-submit")).click();
			WebElement card = this.wait.until(driver -> cardNamed("Quai d’Alma " + tag));

			assertThat(card.findElement(By.className("media-dimensions")).getText()).isEqualTo("1600 × 1000 px");
			assertThat(card.findElement(By.className("media-uses")).getText()).isEqualTo("Inutilisée");
			WebElement thumbnail = card.findElement(By.tagName("img"));
			scrollToCenter(thumbnail);
			this.wait.until(driver -> Long.valueOf(600).equals(
					this.browser.executeScript("return arguments[0].complete && arguments[0].naturalWidth", thumbnail)));
			WebElement logoCard = cardNamed("Logo de l’association " + tag);
			assertThat(logoCard.findElement(By.className("media-uses")).getText())
				.isEqualTo("Utilisée dans :\nInfolettre de décembre");
			assertThat(logoCard.findElements(By.cssSelector("form.media-delete"))).isEmpty();
			this.browser.executeScript("window.scrollTo(0, 0)");
			screenshot("media-library");

			this.browser.findElement(By.id("media-file")).sendKeys(shell.toString());
			this.browser.findElement(By.id("media-submit")).click();
			WebElement refusal = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".media-status-failed")));
			assertThat(refusal.getText()).startsWith("shell.png : Ce fichier n’est pas une image").contains("texte");
			screenshot("media-refused");

			cardNamed("Quai d’Alma " + tag).findElement(By.cssSelector("form.media-delete button")).click();
			Alert confirm = this.wait.until(ExpectedConditions.alertIsPresent());
			assertThat(confirm.getText()).isEqualTo("Supprimer l’image « Quai d’Alma " + tag
					+ " » ? Ses adresses publiques cesseront de fonctionner.");
			confirm.accept();
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("media-deleted")));
			assertThat(this.browser.findElement(By.id("media-deleted")).getText())
				.isEqualTo("Image « Quai d’Alma " + tag + " » supprimée.");
			assertThat(cardNamed("Quai d’Alma " + tag)).isNull();

			this.browser.get(url("/admin/media?lang=en&q=" + tag));
			assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Media library");
			screenshot("media-library-en");
		}
		finally {
			this.uses.forget(logo.id());
		}
	}

	/**
	 * The card of that name, or {@code null}. The grid is drawn again after an upload or a deletion
	 * (this test's or another browser test's): a card replaced while it is read is read again.
	 */
	private WebElement cardNamed(String name) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.browser.findElements(By.className("media-card"))
					.stream()
					.filter(card -> card.findElement(By.className("media-name")).getText().equals(name))
					.findFirst()
					.orElse(null);
			}
			catch (StaleElementReferenceException ex) {
				if (attempt == 10) {
					throw ex;
				}
			}
		}
	}

}
