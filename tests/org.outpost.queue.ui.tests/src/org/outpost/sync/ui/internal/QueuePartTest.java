package org.outpost.sync.ui.internal;

import org.outpost.test.support.RunningWorkbench;
import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.outpost.events.Event;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Outbox;

/** The Queue tab under Xvfb lists what the real outbox holds. */
class QueuePartTest {

	@Test
	void theQueueShowsRecordOperationAgeAttemptsAndLastError() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		LocalChanges changes = new LocalChanges(database);
		Event drill = changes.create(new Event("Queue view drill", LocalDate.of(2026, 12, 1)));
		Event failed = changes.create(new Event("Queue view failure", null));
		Outbox outbox = new Outbox(database);
		outbox.failedAttempt(outbox.entriesFor("event", failed.getId()).get(0).getMutationId(), "Server unreachable");
		Display display = Display.getDefault();
		Shell shell = new Shell(display);
		shell.setLayout(new FillLayout());
		try {
			QueuePart part = new QueuePart();
			part.create(shell, database);
			shell.setSize(1000, 400);
			shell.open();

			RunningWorkbench.spinUntil(display, () -> !part.register.loading(), "the queue");
			Table table = part.register.viewer().getTable();
			assertEquals(outbox.count(), part.register.rowCount());
			TableItem drillRow = row(table, "event: Queue view drill");
			assertEquals("Create", drillRow.getText(1));
			assertTrue(drillRow.getText(2).contains("title") && drillRow.getText(2).contains("dueDate"), drillRow.getText(2));
			assertEquals("just now", drillRow.getText(3));
			assertEquals("0", drillRow.getText(4));
			TableItem failedRow = row(table, "event: Queue view failure");
			assertEquals("1", failedRow.getText(4));
			assertEquals("Server unreachable", failedRow.getText(5));

			changes.create(new Event("Queue view later", null));
			part.refresh.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
			RunningWorkbench.spinUntil(display, () -> !part.register.loading(), "the queue after Refresh");
			assertEquals(outbox.count(), part.register.rowCount());
			row(table, "event: Queue view later");
		} finally {
			shell.dispose();
		}
	}

	@Test
	void agesReadLikeAPerson() {
		Instant now = Instant.parse("2026-11-27T12:00:00Z");
		assertEquals("just now", QueuePart.age(now.minusSeconds(20), now));
		assertEquals("12 min", QueuePart.age(now.minusSeconds(12 * 60), now));
		assertEquals("3 h", QueuePart.age(now.minusSeconds(3 * 3600 + 60), now));
		assertEquals("2 days", QueuePart.age(now.minusSeconds(2 * 86400), now));
	}

	private static TableItem row(Table table, String record) {
		for (int i = 0; i < table.getItemCount(); i++) {
			if (table.getItem(i).getText(0).equals(record)) {
				return table.getItem(i);
			}
		}
		throw new AssertionError("No queue row for " + record);
	}
}
