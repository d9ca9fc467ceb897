package io.infolettre.newsletter.delivery.internal;

import java.util.ArrayDeque;
import java.util.Deque;

/** Messages sent per second over the last few seconds, for the progress shown to the coordinator. */
final class SendRate {

	private static final long WINDOW = 5_000_000_000L;

	// (time, messages sent since the window began) after each chunk
	private final Deque<long[]> marks = new ArrayDeque<>();

	private long total;

	SendRate() {
		this.marks.add(new long[] { System.nanoTime(), 0 });
	}

	void add(int sent) {
		long now = System.nanoTime();
		this.total += sent;
		this.marks.addLast(new long[] { now, this.total });
		while (this.marks.size() > 2 && now - this.marks.peekFirst()[0] > WINDOW) {
			this.marks.pollFirst();
		}
	}

	double perSecond() {
		long[] first = this.marks.peekFirst();
		long[] last = this.marks.peekLast();
		double seconds = (last[0] - first[0]) / 1e9;
		return seconds <= 0 ? 0 : Math.round((last[1] - first[1]) / seconds * 10) / 10.0;
	}

}
