package org.outpost.sync.ui.internal;

import org.outpost.test.support.RunningWorkbench;
import org.outpost.test.support.Services;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.outpost.events.Event;
import org.outpost.findings.Finding;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.engine.SyncService;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.sync.outbox.Outbox;
import org.outpost.sync.outbox.OutboxEntry;
import org.outpost.ui.test.support.MessageDialogAnswer;
import org.outpost.ui.test.support.TestWindow;

/** The Queue tab under Xvfb lists what the real outbox holds. */
class QueuePartTest {

	@RegisterExtension
	final TestWindow window = new TestWindow(1000, 500);

	@Test
	void theQueueShowsRecordOperationAgeAttemptsAndLastError() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		LocalChanges changes = new LocalChanges(database);
		Event drill = changes.create(new Event("Queue view drill", LocalDate.of(2026, 12, 1)));
		Event failed = changes.create(new Event("Queue view failure", null));
		Outbox outbox = new Outbox(database);
		outbox.failedAttempt(outbox.entriesFor("event", failed.getId()).get(0).getMutationId(), "Server unreachable");
		Display display = window.shell().getDisplay();
		QueuePart part = openQueue(database);
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
	}

	@Test
	void discardAsksNamingWhatIsLostRemovesTheRecordMadeHereAndUndoBringsItBack() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		database.write(em -> em.createQuery("DELETE FROM OutboxEntry e").executeUpdate());
		Event made = new LocalChanges(database).create(new Event("Queue view second thoughts", LocalDate.of(2026, 12, 2)));
		Display display = window.shell().getDisplay();
		QueuePart part = openQueue(database);
		assertEquals("1 change waiting", summaryOf(part.register.control()), "one change, in the singular");

		Table table = part.register.viewer().getTable();
		table.select(table.indexOf(row(table, "event: Queue view second thoughts")));
		table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		MessageDialogAnswer asked = MessageDialogAnswer.press(display, QueuePart.DISCARD_LABEL);
		part.discard.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());

		assertTrue(asked.text() != null && asked.text().contains("event: Queue view second thoughts: the record made on this device is removed"),
				String.valueOf(asked.text()));
		assertNull(database.read(em -> em.find(Event.class, made.getId())), "the record made here went with its create");
		assertEquals(0, new Outbox(database).count());
		assertEquals("Discarded 1 change.", part.status.getText());
		assertTrue(part.undo.isEnabled());

		part.undo.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		assertEquals("Queue view second thoughts", database.read(em -> em.find(Event.class, made.getId())).getTitle());
		assertEquals(1, new Outbox(database).count());
		assertFalse(part.undo.isEnabled(), "one undo, right after the discard");
		RunningWorkbench.spinUntil(display, () -> !part.register.loading(), "the queue after the undo");
		row(table, "event: Queue view second thoughts");
	}

	@Test
	void aChangeSavedElsewhereShowsInTheQueueWithoutRefresh() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		Display display = window.shell().getDisplay();
		QueuePart part = openQueue(database);

		new LocalChanges(database).create(new Event("Queue view saved elsewhere", LocalDate.of(2026, 12, 4)));
		while (display.readAndDispatch()) {
			// the follower's update, posted by the save
		}
		RunningWorkbench.spinUntil(display, () -> !part.register.loading(), "the queue after the save");

		row(part.register.viewer().getTable(), "event: Queue view saved elsewhere");
	}

	@Test
	void discardingAnEventMadeHereNamesAndTakesTheFindingMadeUnderItAndUndoBringsBothBack() {
		LocalDatabase database = Services.get(LocalDatabase.class);
		database.write(em -> em.createQuery("DELETE FROM OutboxEntry e").executeUpdate());
		LocalChanges changes = new LocalChanges(database);
		Event made = changes.create(new Event("Queue view site walk", LocalDate.of(2026, 12, 5)));
		Finding finding = new Finding("Queue view loose railing");
		finding.setEventId(made.getId());
		changes.create(finding);
		Display display = window.shell().getDisplay();
		QueuePart part = openQueue(database);

		Table table = part.register.viewer().getTable();
		table.select(table.indexOf(row(table, "event: Queue view site walk")));
		table.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		MessageDialogAnswer asked = MessageDialogAnswer.press(display, QueuePart.DISCARD_LABEL);
		part.discard.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());

		assertTrue(asked.text() != null && asked.text().contains(
				"finding: Queue view loose railing: the record made on this device is removed, with event: Queue view site walk"),
				String.valueOf(asked.text()));
		assertNull(database.read(em -> em.find(Finding.class, finding.getId())), "the finding went with the event it was made under");
		assertEquals(0, new Outbox(database).count());
		assertEquals("Discarded 2 changes.", part.status.getText());

		part.undo.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
		assertEquals(made.getId(), database.read(em -> em.find(Finding.class, finding.getId())).getEventId());
		assertEquals(List.of("event", "finding"), new Outbox(database).fetch(0, 10).stream().map(OutboxEntry::getRecordType).toList(),
				"back in their queue order");
	}

	@Test
	void agesReadLikeAPerson() {
		Instant now = Instant.parse("2026-11-27T12:00:00Z");
		assertEquals("just now", QueuePart.age(now.minusSeconds(20), now));
		assertEquals("12 min", QueuePart.age(now.minusSeconds(12 * 60), now));
		assertEquals("3 h", QueuePart.age(now.minusSeconds(3 * 3600 + 60), now));
		assertEquals("2 days", QueuePart.age(now.minusSeconds(2 * 86400), now));
	}

	/** The count under the register's table: the label below it. */
	/** The Queue view in the test window, once it has read the queue. */
	private QueuePart openQueue(LocalDatabase database) {
		QueuePart part = new QueuePart();
		part.create(window.shell(), database, Services.get(SyncService.class));
		window.shell().open();
		RunningWorkbench.spinUntil(window.shell().getDisplay(), () -> !part.register.loading(), "the queue");
		return part;
	}

	private static String summaryOf(Control register) {
		Control[] children = ((Composite) register).getChildren();
		return ((Label) children[children.length - 1]).getText();
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
