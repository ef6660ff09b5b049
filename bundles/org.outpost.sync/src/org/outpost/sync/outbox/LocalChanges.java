package org.outpost.sync.outbox;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;
import org.outpost.persistence.LocalDatabase;

/**
 * The one way modules save what a user did: every create, edit and delete goes through here so
 * that the record and its outbox entry are written in ONE local transaction (DESIGN.md §3), and
 * those following the outbox ({@link OutboxEvents}) learn of it once it is committed.
 */
public final class LocalChanges {

	private final LocalDatabase database;
	private final Clock clock;

	public LocalChanges(LocalDatabase database) {
		this(database, Clock.systemUTC());
	}

	/** @param clock when entries are stamped (their age in the Queue view) */
	public LocalChanges(LocalDatabase database, Clock clock) {
		this.database = Objects.requireNonNull(database, "database");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Runs several changes in one transaction, e.g. a non-conformance Finding with its first
	 * Action. If {@code work} throws, nothing of it is stored and nothing is queued.
	 */
	public <R> R write(Function<RecordChanges, R> work) {
		R result = database.write(em -> work.apply(new RecordChanges(em, clock)));
		OutboxEvents.changed(database);
		return result;
	}

	public <T extends SyncedRecord & Syncable> T create(T record) {
		return write(changes -> changes.create(record));
	}

	public <T extends SyncedRecord & Syncable> T edit(Class<T> type, String id, Consumer<? super T> change) {
		return write(changes -> changes.edit(type, id, change));
	}

	public <T extends SyncedRecord & Syncable> void delete(Class<T> type, String id) {
		write(changes -> {
			changes.delete(type, id);
			return null;
		});
	}
}
