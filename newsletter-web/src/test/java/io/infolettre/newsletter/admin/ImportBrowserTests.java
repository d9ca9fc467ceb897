package io.infolettre.newsletter.admin;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.support.AbstractBrowserTests;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import steps in a real headless Chromium: upload an Excel (Windows-1252, semicolons) file, see
 * the guessed mapping, the preview with each row's verdict and the sector the file has that the list
 * lacks, start, watch the progress bar until the result, and find the refused row with its line.
 */
class ImportBrowserTests extends AbstractBrowserTests {

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Autowired
	private Subscribers subscribers;

	private String address(String name) {
		return name + "-" + this.tag + "@navigateur.exemple.ca";
	}

	@Test
	void uploadsMapsPreviewsAndImportsAnExcelFileWithAProgressBar() throws Exception {
		Path file = Files.createTempFile("membres", ".csv");
		Files.writeString(file, "Courriel;Prénom;Nom;Entreprise;Secteur\r\n" + address("helene")
				+ ";Hélène;Bélanger;Cœur de Métal;Génie\r\n" + "pas-une-adresse;Marc;Roy;Roy inc.;Génie\r\n"
				+ address("eric") + ";Éric;Côté;Usinage Côté;Ingénierie navale " + this.tag + "\r\n",
				Charset.forName("windows-1252"));

		logInAndOpen("/admin/imports");
		assertThat(this.browser.findElement(By.linkText("Importer")).isDisplayed()).isTrue();
		this.browser.findElement(By.id("file")).sendKeys(file.toString());
		this.browser.findElement(By.id("upload")).click();

		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("mapping")));
		assertThat(this.browser.findElement(By.id("detected")).getText()).contains("windows-1252").contains("« ; »");
		assertThat(new Select(this.browser.findElement(By.id("column-0"))).getFirstSelectedOption().getAttribute("value"))
			.isEqualTo("email");
		assertThat(new Select(this.browser.findElement(By.id("column-4"))).getFirstSelectedOption().getText())
			.isEqualTo("Secteur");
		String preview = this.browser.findElement(By.id("mapping")).getText();
		assertThat(preview).contains("Hélène").contains("Cœur de Métal").contains("importée")
			.contains("adresse courriel invalide : « pas-une-adresse »");
		assertThat(this.browser.findElement(By.id("unknown-secteur")).getText()).as("a sector of the file's own")
			.contains("« Ingénierie navale " + this.tag + " » (une ligne)");
		assertThat(new Select(this.browser.findElement(By.id("leave-out-secteur"))).getFirstSelectedOption().getText())
			.isEqualTo("Les ajouter aux choix de « Secteur »");
		new Select(this.browser.findElement(By.id("column-0"))).selectByValue("ignore");
		this.browser.findElement(By.id("check")).click();
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"),
				"Une colonne doit contenir l’adresse courriel"));
		new Select(this.browser.findElement(By.id("column-0"))).selectByValue("email");
		this.browser.findElement(By.id("check")).click();
		this.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("problem")));
		this.browser.findElement(By.id("mode-ADD_AND_UPDATE")).click();
		this.browser.findElement(By.id("lists")).sendKeys("navigateur-" + this.tag);
		screenshot("import-mapping");
		this.browser.findElement(By.id("start-import")).click();

		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-progress")));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("download-rejected")));
		assertThat(this.browser.findElement(By.id("import-status")).getText()).isEqualTo("Terminé");
		assertThat(this.browser.findElement(By.id("import-progress")).getText()).isEqualTo("100 %");
		assertThat(this.browser.findElement(By.id("count-added")).getText()).isEqualTo("2");
		assertThat(this.browser.findElement(By.id("count-rejected")).getText()).isEqualTo("1");
		assertThat(this.browser.findElement(By.id("rejected")).getText()).contains("3")
			.contains("adresse courriel invalide");
		screenshot("import-result");
		assertThat(this.subscribers.findByEmail(EmailAddress.of(address("eric"))).orElseThrow().getAttributes())
			.containsEntry("secteur", "Ingénierie navale " + this.tag);
		var helene = this.subscribers.findByEmail(EmailAddress.of(address("helene"))).orElseThrow();
		assertThat(helene.getCompany()).isEqualTo("Cœur de Métal");
		assertThat(helene.getLists()).containsExactly("navigateur-" + this.tag);

		this.browser.get(url("/admin/imports?lang=en"));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Import subscribers");
		assertThat(this.browser.findElement(By.id("recent-imports")).getText()).contains("Done");
		this.browser.get(url("/admin/imports?lang=fr"));
	}

}
