package io.infolettre.newsletter.rendering;

/**
 * A draft with its templates parsed and checked, ready to render for many recipients. Thread-safe:
 * one instance serves a whole send.
 */
public interface CompiledMessage {

	RenderedMessage render(RecipientModel recipient);

}
