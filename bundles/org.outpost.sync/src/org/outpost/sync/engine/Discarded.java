package org.outpost.sync.engine;

import java.util.List;
import java.util.Map;

import org.outpost.sync.outbox.OutboxEntry;

/** What one {@link Discards#discard} removed, for its undo. */
public final class Discarded {

	/** One record before and after the discard, and the changes that went. {@code after} is null when the record was removed. */
	record Snapshot(ChangedRecord record, Map<String, Object> before, long revision, boolean tombstone, Map<String, Object> after,
			List<OutboxEntry> queued, List<RejectedChange> rejected) {
	}

	private final List<Snapshot> snapshots;

	Discarded(List<Snapshot> snapshots) {
		this.snapshots = List.copyOf(snapshots);
	}

	List<Snapshot> snapshots() {
		return snapshots;
	}

	/** The records whose changes were discarded. */
	public List<ChangedRecord> records() {
		return snapshots.stream().map(Snapshot::record).toList();
	}

	/** How many changes went, queued and refused. */
	public int changes() {
		return snapshots.stream().mapToInt(s -> s.queued().size() + s.rejected().size()).sum();
	}
}
