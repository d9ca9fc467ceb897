package io.infolettre.newsletter.tracking;

import java.util.Optional;

/**
 * The links of each issue that clicks may lead to. A click token names a link by its key (the first
 * four bytes of the URL's SHA-256) and the click redirects only to a link registered for that issue:
 * never to an address a token could carry (no open redirect).
 */
public interface TrackedLinks {

	/** Registers a link of an issue (once) and returns its key. */
	int register(String issueId, String url);

	/** The issue's link with this key, if the issue has one. */
	Optional<String> find(String issueId, int key);

}
