package io.infolettre.newsletter.admin;

import java.util.UUID;

import io.infolettre.newsletter.subscriber.EmailAddress;
import io.infolettre.newsletter.subscriber.SubscriberStatus;
import io.infolettre.newsletter.subscriber.Subscribers;
import io.infolettre.newsletter.subscriber.UnsubscribeChannel;
import io.infolettre.newsletter.subscriber.UnsubscribeLog;
import io.infolettre.newsletter.support.AbstractBrowserTests;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator finds a member by their name typed without accents, opens their page, corrects their
 * company and unsubscribes them on their behalf, in a real headless Chromium.
 */
class SubscriberBrowserTests extends AbstractBrowserTests {

	@Autowired
	Subscribers subscribers;

	@Autowired
	UnsubscribeLog log;

	private final String tag = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void searchesOpensEditsAndUnsubscribesOnTheirBehalf() {
		String email = "francois." + this.tag + "@membres.exemple.ca";
		String surname = "Bélanger" + this.tag;
		assertThat(http().api("POST", "/api/v1/subscribers", """
				[{"email":"%s","firstName":"François","lastName":"%s","company":"Usinage du Fjord","lists":["%s"]}]"""
			.formatted(email, surname, this.tag)).statusCode()).isEqualTo(200);

		this.browser.get(url("/admin/subscribers"));
		logIn();
		this.browser.findElement(By.id("nav-subscribers")).click();

		WebElement query = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-q")));
		query.sendKeys("francois " + surname.toLowerCase().replace("é", "e"));
		this.browser.findElement(By.id("search-submit")).click();
		// the list before the search has links too: the results are the page the search loads
		this.wait.until(ExpectedConditions.urlContains("q="));
		WebElement link = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.subscriber-link")));
		assertThat(this.browser.findElements(By.cssSelector("tr.subscriber-row"))).hasSize(1);
		assertThat(link.getText()).isEqualTo(email);
		screenshot("subscriber-search");
		link.click();

		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("subscriber-email")));
		assertThat(this.browser.findElement(By.id("subscriber-status")).getText()).isEqualTo("Actif");
		WebElement company = this.browser.findElement(By.id("edit-company"));
		company.clear();
		company.sendKeys("Usinage du Fjord inc.");
		click(this.browser.findElement(By.id("save-details")));
		WebElement notice = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
		assertThat(notice.getText()).isEqualTo("Modifications enregistrées.");
		assertThat(this.browser.findElement(By.id("edit-company")).getAttribute("value")).isEqualTo("Usinage du Fjord inc.");

		click(this.browser.findElement(By.id("unsubscribe")));
		this.wait.until(ExpectedConditions.textToBe(By.id("subscriber-status"), "Désabonné"));
		assertThat(this.browser.findElement(By.id("notice")).getText()).startsWith("Désabonné en son nom");
		assertThat(this.browser.findElement(By.id("subscriber-unsubscribes")).getText()).contains("coordonnateur, en son nom");
		screenshot("subscriber-unsubscribed");

		var subscriber = this.subscribers.findByEmail(EmailAddress.of(email)).orElseThrow();
		assertThat(subscriber.getCompany()).isEqualTo("Usinage du Fjord inc.");
		assertThat(subscriber.getStatus()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
		assertThat(this.log.entriesFor(subscriber.getId())).singleElement()
			.satisfies(entry -> assertThat(entry.channel()).isEqualTo(UnsubscribeChannel.ADMIN));
	}

	// the page is long: the button is brought to the middle of the window first
	private void click(WebElement button) {
		scrollToCenter(button);
		button.click();
	}

}
