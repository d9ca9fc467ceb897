package io.infolettre.newsletter.rendering;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who sends the newsletter. CASL requires the sender's name and a valid mailing address in every
 * message; the templates show both in the footer.
 *
 * @param name display name in the From header
 * @param email address in the From header
 * @param organisation legal name of the organisation shown in the footer
 * @param mailingAddress postal address, one line per element separated by newlines
 * @param website public web site shown in the footer
 */
@ConfigurationProperties("newsletter.sender")
public record SenderIdentity(String name, String email, String organisation, String mailingAddress, String website) {

	public SenderIdentity {
		name = name == null ? "Infolettre de l'association" : name;
		email = email == null ? "infolettre@exemple.ca" : email;
		organisation = organisation == null ? name : organisation;
		mailingAddress = mailingAddress == null ? "Adresse postale à configurer (newsletter.sender.mailing-address)"
				: mailingAddress;
		website = website == null ? "" : website;
	}

	public List<String> mailingAddressLines() {
		return this.mailingAddress.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

}
