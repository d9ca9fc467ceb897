package io.infolettre.newsletter.issue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.infolettre.newsletter.fixtures.IssueFixtures;
import io.infolettre.newsletter.segment.Audience;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static io.infolettre.newsletter.issue.IssueTransitionsTests.State.CANCELLED;
import static io.infolettre.newsletter.issue.IssueTransitionsTests.State.DRAFT;
import static io.infolettre.newsletter.issue.IssueTransitionsTests.State.FAILED;
import static io.infolettre.newsletter.issue.IssueTransitionsTests.State.MISSED;
import static io.infolettre.newsletter.issue.IssueTransitionsTests.State.PAUSED_BY_A_PERSON;
import static io.infolettre.newsletter.issue.IssueTransitionsTests.State.PAUSED_BY_THE_ENGINE;
import static io.infolettre.newsletter.issue.IssueTransitionsTests.State.PAUSED_FOR_THE_RELAY;
import static io.infolettre.newsletter.issue.IssueTransitionsTests.State.PAUSED_UNTIL_THE_WINDOW_OPENS;
import static io.infolettre.newsletter.issue.IssueTransitionsTests.State.RESUMED;
import static io.infolettre.newsletter.issue.IssueTransitionsTests.State.SCHEDULED;
import static io.infolettre.newsletter.issue.IssueTransitionsTests.State.SENDING;
import static io.infolettre.newsletter.issue.IssueTransitionsTests.State.SENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The issue's state machine as a table: each transition, and the states that allow it. Every other
 * state refuses it with an {@link IssueStateException} naming the status, and the issue is left
 * exactly as it was. The states are the shared fixtures', each reached through
 * the issue's own transitions.
 */
class IssueTransitionsTests {

	private static final Instant LATER = IssueFixtures.minute(30);

	private static final AllowedSenders SENDERS = new AllowedSenders(
			List.of(new IssueSender("Infolettre des membres", "infolettre@exemple.ca")));

	private static final SendTime NINE_TOMORROW = SendTime.of(LocalDateTime.of(2026, 12, 2, 9, 0), SendTime.QUEBEC);

	/** Each status an issue can be in, and the ways of being paused or scheduled that the rules tell apart. */
	enum State {

		DRAFT(IssueFixtures::draftIssue),

		/** Scheduled, not started yet. */
		SCHEDULED(IssueFixtures::scheduledIssue),

		/** Scheduled again after it started: paused and resumed. */
		RESUMED(IssueFixtures::resumedIssue),

		SENDING(IssueFixtures::sendingIssue),

		SENT(IssueFixtures::sentIssue),

		PAUSED_BY_A_PERSON(() -> IssueFixtures.pausedIssue(PauseCause.COORDINATION)),

		PAUSED_BY_THE_ENGINE(() -> IssueFixtures.pausedIssue(PauseCause.ENGINE)),

		PAUSED_UNTIL_THE_WINDOW_OPENS(() -> IssueFixtures.pausedIssue(PauseCause.SEND_WINDOW)),

		PAUSED_FOR_THE_RELAY(() -> IssueFixtures.pausedIssue(PauseCause.RELAY_UNAVAILABLE)),

		CANCELLED(IssueFixtures::cancelledIssue),

		FAILED(IssueFixtures::failedIssue),

		MISSED(IssueFixtures::missedIssue);

		private final Supplier<Issue> fixture;

		State(Supplier<Issue> fixture) {
			this.fixture = fixture;
		}

		Issue issue() {
			return this.fixture.get();
		}

	}

	private static final Set<State> PAUSED = EnumSet.of(PAUSED_BY_A_PERSON, PAUSED_BY_THE_ENGINE,
			PAUSED_UNTIL_THE_WINDOW_OPENS, PAUSED_FOR_THE_RELAY);

	private static final Set<State> RUNNING = EnumSet.of(SCHEDULED, RESUMED, SENDING);

	/** Each transition, with the states that allow it. */
	enum Transition {

		EDIT(issue -> issue.edit("Infolettre – janvier", IssueFixtures.infolettre(), Audience.list("membres"), LATER),
				EnumSet.of(DRAFT)),

		REVISE(issue -> issue.revise(new IssueEdit("Infolettre – janvier", "infolettre", issue.french(), null, null,
				null, true), SENDERS, LATER), EnumSet.of(DRAFT)),

		SEND_NOW(issue -> issue.schedule(LATER, LATER), EnumSet.of(DRAFT, FAILED, MISSED)),

		SCHEDULE_AT_A_TIME(issue -> issue.schedule(NINE_TOMORROW, null, LATER),
				EnumSet.of(DRAFT, FAILED, MISSED, SCHEDULED)),

		UNSCHEDULE(issue -> issue.unschedule(LATER), EnumSet.of(SCHEDULED, MISSED)),

		MARK_MISSED(issue -> issue.markMissed(LATER), EnumSet.of(SCHEDULED)),

		PAUSE(issue -> issue.pause("Une coquille", LATER),
				union(RUNNING, EnumSet.of(PAUSED_UNTIL_THE_WINDOW_OPENS, PAUSED_FOR_THE_RELAY))),

		PAUSE_AUTOMATICALLY(issue -> issue.pauseAutomatically("trop de refus", LATER), RUNNING),

		PAUSE_UNTIL_THE_WINDOW_OPENS(issue -> issue.pauseUntilWindowOpens("fenêtre fermée", LATER.plusSeconds(3600),
				LATER), RUNNING),

		PAUSE_FOR_A_RELAY_OUTAGE(issue -> issue.pauseForRelayOutage("relais injoignable", LATER.plusSeconds(300), true,
				LATER), RUNNING),

		RELAY_STILL_UNAVAILABLE(issue -> issue.relayStillUnavailable(LATER.plusSeconds(300), LATER),
				EnumSet.of(PAUSED_FOR_THE_RELAY)),

		ABANDON_THE_AUTOMATIC_RESUME(issue -> issue.abandonAutomaticResume("relais injoignable depuis une heure", LATER),
				EnumSet.of(PAUSED_FOR_THE_RELAY)),

		RESUME(issue -> issue.resume(LATER), PAUSED),

		RESUME_AS_THE_WINDOW_OPENS(issue -> issue.resumeAutomatically(PauseCause.SEND_WINDOW, "fenêtre ouverte", LATER),
				EnumSet.of(PAUSED_UNTIL_THE_WINDOW_OPENS)),

		RESUME_AS_THE_RELAY_ANSWERS(issue -> issue.resumeAutomatically(PauseCause.RELAY_UNAVAILABLE, "relais revenu",
				LATER), EnumSet.of(PAUSED_FOR_THE_RELAY)),

		CANCEL(issue -> issue.cancel(LATER), union(RUNNING, PAUSED, EnumSet.of(FAILED, MISSED))),

		RESEND_TO_THE_UNDELIVERED(issue -> issue.resendUndelivered(LATER), EnumSet.of(SENT)),

		START_SENDING(issue -> issue.startSending(LATER), RUNNING),

		MARK_SENT(issue -> issue.markSent(LATER), EnumSet.of(RESUMED, SENDING)),

		MARK_FAILED(issue -> issue.markFailed("Gabarit introuvable", LATER), RUNNING);

		private final Consumer<Issue> transition;

		private final Set<State> allowedFrom;

		Transition(Consumer<Issue> transition, Set<State> allowedFrom) {
			this.transition = transition;
			this.allowedFrom = allowedFrom;
		}

		void apply(Issue issue) {
			this.transition.accept(issue);
		}

	}

	static Stream<Arguments> refused() {
		return pairs(false);
	}

	static Stream<Arguments> allowed() {
		return pairs(true);
	}

	@ParameterizedTest(name = "{0} refuses {1}")
	@MethodSource("refused")
	void aStateRefusesWhatItDoesNotAllowAndStaysAsItWas(State state, Transition transition) {
		Issue issue = state.issue();
		List<Object> before = everything(issue);

		assertThatExceptionOfType(IssueStateException.class).isThrownBy(() -> transition.apply(issue))
			.withMessageContaining("statut actuel : " + issue.getStatus())
			.satisfies(refusal -> assertThat(refusal.getStatus()).isEqualTo(issue.getStatus()));

		assertThat(everything(issue)).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0} allows {1}")
	@MethodSource("allowed")
	void aStateAllowsWhatTheTableSays(State state, Transition transition) {
		Issue issue = state.issue();

		assertThatNoException().isThrownBy(() -> transition.apply(issue));

		assertThat(issue.getUpdatedAt()).isEqualTo(LATER);
	}

	@Test
	void eachFixtureIsInTheStateItIsNamedFor() {
		assertThat(DRAFT.issue().getStatus()).isEqualTo(IssueStatus.DRAFT);
		assertThat(SCHEDULED.issue().getStatus()).isEqualTo(IssueStatus.SCHEDULED);
		assertThat(SCHEDULED.issue().getSendingStartedAt()).isNull();
		assertThat(RESUMED.issue().getStatus()).isEqualTo(IssueStatus.SCHEDULED);
		assertThat(RESUMED.issue().getSendingStartedAt()).isEqualTo(IssueFixtures.minute(2));
		assertThat(SENDING.issue().getStatus()).isEqualTo(IssueStatus.SENDING);
		assertThat(SENT.issue().getStatus()).isEqualTo(IssueStatus.SENT);
		assertThat(SENT.issue().getSentAt()).isEqualTo(IssueFixtures.minute(3));
		assertThat(PAUSED_BY_A_PERSON.issue().getPauseCause()).isEqualTo(PauseCause.COORDINATION);
		assertThat(PAUSED_BY_THE_ENGINE.issue().getPauseCause()).isEqualTo(PauseCause.ENGINE);
		assertThat(PAUSED_UNTIL_THE_WINDOW_OPENS.issue().getPauseCause()).isEqualTo(PauseCause.SEND_WINDOW);
		assertThat(PAUSED_UNTIL_THE_WINDOW_OPENS.issue().getResumeAt()).isEqualTo(IssueFixtures.minute(60));
		assertThat(PAUSED_FOR_THE_RELAY.issue().getPauseCause()).isEqualTo(PauseCause.RELAY_UNAVAILABLE);
		assertThat(PAUSED_FOR_THE_RELAY.issue().getRelayOutage()).isEqualTo(new RelayOutage(IssueFixtures.minute(3), 0));
		assertThat(CANCELLED.issue().getStatus()).isEqualTo(IssueStatus.CANCELLED);
		assertThat(FAILED.issue().getFailureReason()).isEqualTo("Le relais a refusé l’authentification");
		assertThat(MISSED.issue().getMissedAt()).isEqualTo(IssueFixtures.minute(2));
		assertThat(Arrays.stream(State.values()).map(state -> state.issue().getStatus()))
			.as("every status has a fixture")
			.containsAll(EnumSet.allOf(IssueStatus.class));
	}

	private static Stream<Arguments> pairs(boolean allowed) {
		List<Arguments> pairs = new ArrayList<>();
		for (Transition transition : Transition.values()) {
			for (State state : State.values()) {
				if (transition.allowedFrom.contains(state) == allowed) {
					pairs.add(Arguments.of(state, transition));
				}
			}
		}
		return pairs.stream();
	}

	/** Everything a transition could change. */
	private static List<Object> everything(Issue issue) {
		return Arrays.asList(issue.getStatus(), issue.getTitle(), issue.getContent(), issue.getAudience(),
				issue.getScheduledAt(), issue.getSendTime(), issue.getWindow(), issue.getResumeAt(), issue.getMissedAt(),
				issue.getSendingStartedAt(), issue.getSentAt(), issue.getFailureReason(), issue.getPauseReason(),
				issue.getPauseCause(), issue.getRelayOutage(), issue.getSendHistory(), issue.getDeliveryRound(),
				issue.getUpdatedAt());
	}

	@SafeVarargs
	private static Set<State> union(Set<State>... sets) {
		Set<State> union = EnumSet.noneOf(State.class);
		Arrays.stream(sets).forEach(union::addAll);
		return union;
	}

}
