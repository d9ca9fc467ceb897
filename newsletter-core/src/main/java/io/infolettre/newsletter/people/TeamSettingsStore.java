package io.infolettre.newsletter.people;

/**
 * The team's settings, in MongoDB; the properties {@code newsletter.team.*} give their values until an
 * administrator changes them.
 */
public interface TeamSettingsStore {

	TeamSettings current();

	TeamSettings save(TeamSettings settings);

}
