package io.infolettre.newsletter.system;

import io.infolettre.newsletter.people.Invitation;
import io.infolettre.newsletter.people.People;
import io.infolettre.newsletter.people.Person;
import io.infolettre.newsletter.people.Role;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Invites a colleague (from the team page or the API): the person is recorded as INVITED, then the
 * invitation leaves by email, in the language of whoever invites, naming them. When the relay does
 * not take it the person stays invited and the invitation can be sent again.
 */
@Component
public class TeamInvitations {

	private final People people;

	private final AccountMails mails;

	private final CurrentActor current;

	TeamInvitations(People people, AccountMails mails, CurrentActor current) {
		this.people = people;
		this.mails = mails;
		this.current = current;
	}

	/**
	 * @throws io.infolettre.newsletter.people.TeamChangeRefusedException when the address is not valid or
	 * already in the team
	 * @throws MailNotSentException when the person was invited but the email did not leave
	 */
	public Person invite(String email, String name, Role role) {
		return send(this.people.invite(email, name, role));
	}

	/** A new link for someone still invited; the former one stops working. */
	public Person resend(String personId) {
		return send(this.people.renewInvitation(personId));
	}

	private Person send(Invitation invitation) {
		this.mails.sendInvitation(invitation, this.current.get().name(), LocaleContextHolder.getLocale());
		return invitation.person();
	}

}
