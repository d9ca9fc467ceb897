package io.infolettre.newsletter.delivery.spi;

/**
 * Which instance sends an issue: decided by the scheduler before it asks the engine to run a send,
 * and asked by the engine between messages. The ledger's marks of the messages on the wire assume
 * one instance at a time per issue, so a send whose claim was taken over stops at once.
 */
public interface SendClaims {

	/** Whether this instance still holds the issue's send: no other instance has taken it over. */
	boolean holds(String issueId);

}
