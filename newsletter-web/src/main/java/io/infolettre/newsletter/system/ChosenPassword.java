package io.infolettre.newsletter.system;

import java.util.ArrayList;
import java.util.List;

import io.infolettre.newsletter.people.PasswordPolicy;
import io.infolettre.newsletter.people.Person;

/**
 * A new password as a person typed it twice (on an invitation, a reset, their account page), and
 * what is wrong with it: each weakness the policy finds (message keys {@code password.weakness.*}),
 * and {@code password.mismatch} when the two differ.
 */
public record ChosenPassword(String password, String confirmation) {

	public List<String> problems(PasswordPolicy policy, Person person) {
		List<String> problems = new ArrayList<>();
		policy.weaknesses(this.password, person.login(), person.email(), person.name())
			.forEach(weakness -> problems.add("password.weakness." + weakness.name()));
		if (this.password == null || !this.password.equals(this.confirmation)) {
			problems.add("password.mismatch");
		}
		return problems;
	}

	@Override
	public String toString() {
		return "ChosenPassword[***]";
	}

}
