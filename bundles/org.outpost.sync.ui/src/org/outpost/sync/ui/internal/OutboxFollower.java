package org.outpost.sync.ui.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.OutboxEvents;

/**
 * Lets a view follow the waiting changes as they are saved, discarded or resolved, in any module,
 * for as long as its control lives. Changes that come in a burst (a save from a background thread,
 * several records) make one update on the UI thread.
 */
final class OutboxFollower {

	private OutboxFollower() {
	}

	/** Runs {@code action} on {@code owner}'s UI thread after {@code database}'s waiting changes changed, until {@code owner} is disposed. */
	static void onEachChange(Control owner, LocalDatabase database, Runnable action) {
		Display display = owner.getDisplay();
		AtomicBoolean scheduled = new AtomicBoolean();
		Runnable stop = OutboxEvents.subscribe(database, () -> {
			if (scheduled.compareAndSet(false, true) && !display.isDisposed()) {
				display.asyncExec(() -> {
					scheduled.set(false);
					if (!owner.isDisposed()) {
						action.run();
					}
				});
			}
		});
		owner.addDisposeListener(e -> stop.run());
	}
}
