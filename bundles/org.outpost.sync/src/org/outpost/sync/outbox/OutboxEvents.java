package org.outpost.sync.outbox;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILog;
import org.outpost.persistence.LocalDatabase;

/**
 * Tells who follows a local database's waiting changes that they changed outside a sync: a change
 * queued, discarded or put back, a conflict resolved. The status line and the Queue view follow
 * these instead of polling; what a sync changes they learn from its end. Listeners are kept per
 * database and run in the thread that committed, after the commit.
 */
public final class OutboxEvents {

	private static final Map<LocalDatabase, List<Runnable>> LISTENERS = new WeakHashMap<>();

	private OutboxEvents() {
	}

	/**
	 * Runs {@code listener} after each committed change of {@code database}'s waiting changes.
	 *
	 * @return what stops it
	 */
	public static Runnable subscribe(LocalDatabase database, Runnable listener) {
		Objects.requireNonNull(listener, "listener");
		List<Runnable> listeners = listenersOf(database);
		listeners.add(listener);
		return () -> listeners.remove(listener);
	}

	/** Called after a transaction that changed {@code database}'s outbox, refused changes or conflicts has committed. */
	public static void changed(LocalDatabase database) {
		for (Runnable listener : listenersOf(database)) {
			try {
				listener.run();
			} catch (RuntimeException e) {
				// the change is committed already: a broken listener must not make its caller think it failed
				ILog.of(OutboxEvents.class).error("A listener of the outbox failed", e);
			}
		}
	}

	private static List<Runnable> listenersOf(LocalDatabase database) {
		Objects.requireNonNull(database, "database");
		synchronized (LISTENERS) {
			return LISTENERS.computeIfAbsent(database, d -> new CopyOnWriteArrayList<>());
		}
	}
}
