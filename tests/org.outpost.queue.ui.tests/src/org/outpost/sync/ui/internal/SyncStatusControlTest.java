package org.outpost.sync.ui.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outpost.events.Event;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.engine.ChangedRecord;
import org.outpost.sync.engine.SyncService;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.test.support.Services;
import org.outpost.ui.test.support.TestWindow;

/**
 * The status line under Xvfb follows the waiting changes as they are saved and discarded: it is
 * right as soon as the events already posted to the UI thread have run, with no timer in between.
 */
class SyncStatusControlTest {

	@RegisterExtension
	final TestWindow window = new TestWindow(600, 80);

	@Test
	void aSavedChangeShowsAsWaitingAtOnceAndADiscardTakesItBack() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		database.write(em -> em.createQuery("DELETE FROM OutboxEntry e").executeUpdate());
		SyncService sync = Services.get(SyncService.class);
		SyncStatusControl control = new SyncStatusControl();
		control.create(window.shell(), sync, database);
		window.shell().open();
		Display display = window.shell().getDisplay();
		runPending(display);
		assertTrue(control.label.getText().contains("no changes waiting"), control.label.getText());

		Event saved = new LocalChanges(database).create(new Event("Status line drill", LocalDate.of(2026, 12, 3)));
		runPending(display);
		assertTrue(control.label.getText().contains("1 change waiting"), control.label.getText());

		sync.engine().discards().discard(List.of(new ChangedRecord("event", saved.getId())));
		runPending(display);
		assertTrue(control.label.getText().contains("no changes waiting"), control.label.getText());
	}

	/** Runs what is already posted to the UI thread; a timer that is not yet due does not run. */
	private static void runPending(Display display) {
		while (display.readAndDispatch()) {
			// next event
		}
	}
}
