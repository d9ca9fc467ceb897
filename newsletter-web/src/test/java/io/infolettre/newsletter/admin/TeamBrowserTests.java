package io.infolettre.newsletter.admin;

import java.util.UUID;

import io.infolettre.newsletter.support.AbstractBrowserTests;
import io.infolettre.newsletter.support.TeamMails;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As a new colleague lives it, in Chromium: the administrator invites them from « Équipe », the
 * invitation arrives by SMTP, they follow its link, see why a first password is refused, choose a good
 * one, log in with their address and find the pages of their role.
 */
class TeamBrowserTests extends AbstractBrowserTests {

	@Test
	void anAdministratorInvitesACoordinatorWhoChoosesAPasswordAndLogsIn() {
		String email = "sophie-" + UUID.randomUUID().toString().substring(0, 8) + "@equipe.exemple.ca";
		logInAndOpen("/admin/people");
		assertThat(this.browser.findElement(By.id("nav-people")).getText()).isEqualTo("Équipe");

		this.browser.findElement(By.id("invite-email")).sendKeys(email);
		this.browser.findElement(By.id("invite-name")).sendKeys("Sophie Bouchard");
		new Select(this.browser.findElement(By.id("invite-role"))).selectByValue("COORDINATOR");
		screenshot("1-invitation");
		this.browser.findElement(By.cssSelector("#invite button[type=submit]")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
		assertThat(this.browser.findElement(By.id("notice")).getText()).isEqualTo("Invitation envoyée à " + email + ".");
		assertThat(this.browser.findElement(By.cssSelector("tr[data-login='" + email + "'] .person-status")).getText())
			.contains("Invitée");
		screenshot("2-invited");
		this.browser.findElement(By.cssSelector("form[action='/logout'] button")).click();
		this.wait.until(ExpectedConditions.urlContains("/login"));

		String link = TeamMails.linkPath(TeamMails.awaitMessage(email, "Invitation à rejoindre l’équipe"));
		this.browser.get(url(link));
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Bienvenue dans l’équipe");
		this.browser.findElement(By.id("password")).sendKeys("sophie2024");
		this.browser.findElement(By.id("confirmation")).sendKeys("sophie2024");
		this.browser.findElement(By.cssSelector("#choose-password button")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-problems")));
		assertThat(this.browser.findElement(By.id("password-problems")).getText())
			.contains("Il doit compter au moins 12 caractères.", "Il contient votre nom.");
		screenshot("3-refused");
		this.browser.findElement(By.id("password")).sendKeys("Des bleuets pour tout le monde");
		this.browser.findElement(By.id("confirmation")).sendKeys("Des bleuets pour tout le monde");
		this.browser.findElement(By.cssSelector("#choose-password button")).click();
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-set")));
		screenshot("4-password-set");

		this.browser.findElement(By.id("go-to-login")).click();
		this.wait.until(ExpectedConditions.urlContains("/login"));
		this.browser.findElement(By.id("username")).sendKeys(email.toUpperCase());
		this.browser.findElement(By.id("password")).sendKeys("Des bleuets pour tout le monde");
		this.browser.findElement(By.cssSelector("button[type=submit]")).click();
		this.wait.until(ExpectedConditions.urlContains("/admin/issues"));
		assertThat(this.browser.findElements(By.id("nav-people"))).as("a coordinator does not manage the team").isEmpty();
		assertThat(this.browser.findElement(By.id("nav-subscribers")).isDisplayed()).isTrue();
		this.browser.findElement(By.id("nav-account")).click();
		this.wait.until(ExpectedConditions.urlContains("/admin/account"));
		assertThat(this.browser.findElement(By.id("account-role")).getText()).isEqualTo("Coordination");
		assertThat(this.browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Sophie Bouchard");
		screenshot("5-my-account");
	}

}
