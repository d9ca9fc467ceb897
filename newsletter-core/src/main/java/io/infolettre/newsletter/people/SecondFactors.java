package io.infolettre.newsletter.people;

import java.util.List;
import java.util.Optional;

/**
 * The people's second factors, in MongoDB ({@code second_factors}, one per person). Every change that
 * a code allows is a conditional update, so that two requests racing with the same code cannot both
 * be accepted.
 */
public interface SecondFactors {

	Optional<SecondFactor> find(String personId);

	/**
	 * Starts an enrolment with a new key, replacing an enrolment not yet confirmed.
	 * @return false when the person's second factor is already on
	 */
	boolean begin(String personId, String secret);

	/**
	 * Turns the enrolment on, the confirming code's step taken as used.
	 * @return false when there was no enrolment waiting
	 */
	boolean activate(String personId, long step, List<String> recoveryCodeHashes);

	/** Takes a time step as used, only when it is later than the last one used. */
	boolean acceptStep(String personId, long step);

	/** Removes a recovery code, only when it is still there (each is good once). */
	boolean useRecoveryCode(String personId, String recoveryCodeHash);

	boolean remove(String personId);

}
