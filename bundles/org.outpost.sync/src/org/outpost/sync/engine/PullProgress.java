package org.outpost.sync.engine;

import java.time.Clock;

import org.outpost.protocol.ChangePageStream.Page;

/**
 * The progress of pulling one category, told as "Receiving Events: 500 / 1,200 records, 310 KB,
 * about 4 s left". The total comes from the change feed's count of what remains (an upper bound
 * the feed gives on the sync's first page, also when it goes on from a cursor, and that becomes
 * exact at the last page); without one (an older server) only the records and bytes so far are
 * told. The time left assumes the rate so far goes on.
 */
final class PullProgress {

	private final String label;
	private final Clock clock;
	private final long startedAt;
	private long received;
	private long total = -1;

	PullProgress(String label, Clock clock) {
		this.label = label;
		this.clock = clock;
		this.startedAt = clock.millis();
	}

	/** Takes one applied page in. */
	void received(Page<?> page) {
		received += page.records().size();
		if (page.remaining() >= 0) {
			total = received + page.remaining();
		} else if (total >= 0) {
			total = Math.max(total, received);
		}
	}

	long received() {
		return received;
	}

	/** Records still expected in this category, or -1 when the feed did not say. */
	long ahead() {
		return total < 0 ? -1 : total - received;
	}

	String describe(long bytes) {
		StringBuilder text = new StringBuilder("Receiving ").append(label).append(": ").append(String.format("%,d", received));
		if (total >= 0) {
			text.append(" / ").append(String.format("%,d", total));
		}
		text.append(" records, ").append(String.format("%,d", bytes / 1024)).append(" KB");
		long elapsed = clock.millis() - startedAt;
		if (total > received && received > 0 && elapsed > 0) {
			text.append(", about ").append(duration(elapsed * (total - received) / received)).append(" left");
		}
		return text.toString();
	}

	private static String duration(long millis) {
		long seconds = Math.max(1, (millis + 999) / 1000);
		return seconds < 120 ? seconds + " s" : (seconds + 59) / 60 + " min";
	}
}
