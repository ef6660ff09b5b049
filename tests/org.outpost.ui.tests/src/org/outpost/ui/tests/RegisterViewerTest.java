package org.outpost.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.record.RecordSource;
import org.outpost.test.support.RunningWorkbench;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;

class RegisterViewerTest {

	/** Rows "{prefix} 0" .. "{prefix} n-1", counting what the register asks for; its count can be held back. */
	private static final class CountingSource implements RecordSource<String> {
		final String prefix;
		volatile int size;
		final List<Integer> fetchedFrom = Collections.synchronizedList(new ArrayList<>());
		final CountDownLatch countMayAnswer = new CountDownLatch(1);

		CountingSource(String prefix, int size, boolean countAnswersAtOnce) {
			this.prefix = prefix;
			this.size = size;
			if (countAnswersAtOnce) {
				countMayAnswer.countDown();
			}
		}

		CountingSource(int size) {
			this("row", size, true);
		}

		@Override
		public long count() {
			try {
				countMayAnswer.await(1, TimeUnit.MINUTES);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return size;
		}

		@Override
		public List<String> fetch(int first, int max) {
			fetchedFrom.add(first);
			return IntStream.range(first, Math.min(size, first + max)).mapToObj(i -> prefix + " " + i).toList();
		}
	}

	private Display display;
	private Shell shell;

	@BeforeEach
	void openShell() {
		display = Display.getDefault();
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(600, 400);
	}

	@AfterEach
	void closeShell() {
		shell.dispose();
	}

	private RegisterViewer<String> open(RecordSource<String> source) {
		RegisterViewer<String> register = new RegisterViewer<>(shell, source,
				List.of(new RegisterColumn<String>("Row", 200, row -> row), new RegisterColumn<String>("Length", 80, row -> "" + row.length())),
				"rows");
		shell.open();
		shell.layout(true, true);
		awaitLoaded(register);
		return register;
	}

	@Test
	void aHundredThousandRowsAreReadOnlyAsFarAsTheUserLooksAndTheTableHoldsOnlyAScreenful() {
		CountingSource source = new CountingSource(100_000);
		RegisterViewer<String> register = open(source);
		Table table = register.viewer().getTable();
		assertEquals(100_000, register.rowCount());
		assertTrue(table.getItemCount() > 5 && table.getItemCount() < 50, "rows in the table: " + table.getItemCount());
		assertEquals("row 0", table.getItem(0).getText(0));
		assertEquals("5", table.getItem(0).getText(1));
		assertEquals("100,000 rows", summary(register));

		register.scrollTo(50_123);
		awaitLoaded(register);
		assertEquals(50_123, register.topRow());
		assertEquals("row 50123", table.getItem(0).getText(0));
		assertTrue(source.fetchedFrom.size() <= 3, "pages fetched: " + source.fetchedFrom);
		assertTrue(source.fetchedFrom.contains(50_000), "page of row 50,123 was not fetched: " + source.fetchedFrom);

		register.scrollTo(200_000);
		awaitLoaded(register);
		assertEquals("row 99999", table.getItem(table.getItemCount() - 1).getText(0), "the end stops at the last record");
	}

	@Test
	void theFirstPageShowsBeforeTheCountArrives() {
		CountingSource source = new CountingSource("row", 100_000, false);
		RegisterViewer<String> register = new RegisterViewer<>(shell, source, List.of(new RegisterColumn<String>("Row", 200, row -> row)), "rows");
		shell.open();
		Table table = register.viewer().getTable();
		RunningWorkbench.spinUntil(display, () -> table.getItemCount() > 0 && table.getItem(0).getData() != null, "the first page");
		assertEquals("row 0", table.getItem(0).getText(0));
		assertTrue(register.loading(), "still counting");
		assertEquals("Counting rows\u2026", summary(register));

		source.countMayAnswer.countDown();
		awaitLoaded(register);
		assertEquals("100,000 rows", summary(register));
		assertEquals(100_000, register.rowCount());
	}

	@Test
	void theNewestSourceWinsOverAnswersStillUnderWayForAnOlderOne() {
		CountingSource older = new CountingSource("older", 100_000, false);
		RegisterViewer<String> register = new RegisterViewer<>(shell, older, List.of(new RegisterColumn<String>("Row", 200, row -> row)), "rows");
		shell.open();
		register.setSource(new CountingSource("newer", 3, true));
		awaitLoaded(register);
		older.countMayAnswer.countDown(); // the older count arrives last
		RunningWorkbench.spin(display);
		assertEquals(3, register.rowCount());
		assertEquals("newer 2", register.viewer().getTable().getItem(2).getText());
		assertEquals("3 rows", summary(register));
	}

	@Test
	void refreshShowsTheNewCountAndRereadsRows() {
		CountingSource source = new CountingSource(3);
		RegisterViewer<String> register = open(source);
		assertEquals(3, register.rowCount());
		assertEquals("row 2", register.viewer().getTable().getItem(2).getText());

		source.size = 5;
		register.refresh();
		awaitLoaded(register);
		assertEquals(5, register.rowCount());
		assertEquals("row 4", register.viewer().getTable().getItem(4).getText());
	}

	@Test
	void keysAndTheWheelMoveThroughEveryRecordAndTheSelectionStaysWithItsRecord() {
		RegisterViewer<String> register = open(new CountingSource(100_000));
		Table table = register.viewer().getTable();
		int onScreen = table.getItemCount();
		List<Object> selections = new ArrayList<>();
		register.viewer().addSelectionChangedListener(e -> selections.add(((IStructuredSelection) e.getSelection()).getFirstElement()));

		key(table, SWT.END);
		awaitLoaded(register);
		assertEquals(100_000 - onScreen, register.topRow());
		assertEquals("row 99999", selectedRecord(register));
		assertEquals(List.of("row 99999"), selections, "selection listeners hear about key moves");

		key(table, SWT.HOME);
		awaitLoaded(register);
		assertEquals(0, register.topRow());
		assertEquals("row 0", selectedRecord(register));

		table.setSelection(onScreen - 1); // the last row on screen, as a click would leave it
		table.notifyListeners(SWT.Selection, selectionOf(table, onScreen - 1));
		key(table, SWT.ARROW_DOWN);
		awaitLoaded(register);
		assertEquals(1, register.topRow(), "the arrow at the last row scrolls by one");
		assertEquals("row " + onScreen, selectedRecord(register));

		key(table, SWT.PAGE_DOWN);
		awaitLoaded(register);
		assertEquals("row " + (2 * onScreen - 1), selectedRecord(register));

		Event wheel = new Event();
		wheel.count = -3; // three lines down
		int before = register.topRow();
		table.notifyListeners(SWT.MouseVerticalWheel, wheel);
		awaitLoaded(register);
		assertEquals(before + 3, register.topRow());

		register.scrollTo(70_000);
		awaitLoaded(register);
		assertTrue(register.viewer().getStructuredSelection().isEmpty(), "the selected record is off screen");
		register.scrollTo(before);
		awaitLoaded(register);
		assertEquals("row " + (2 * onScreen - 1), selectedRecord(register), "and selected again when it is back");
	}

	@Test
	void aFailingSourceSaysWhyInsteadOfShowingRows() {
		RecordSource<String> broken = new RecordSource<>() {
			@Override
			public long count() {
				throw new IllegalStateException("The local database is closed");
			}

			@Override
			public List<String> fetch(int first, int max) {
				throw new IllegalStateException("The local database is closed");
			}
		};
		RegisterViewer<String> register = open(broken);
		assertFalse(register.loading());
		assertEquals(0, register.rowCount());
		assertEquals("Cannot read the rows: The local database is closed", summary(register));
	}

	@Test
	void aColumnWithoutValueShowsAnEmptyCell() {
		RegisterColumn<String> column = new RegisterColumn<>("Missing", 50, row -> null);
		assertEquals("", column.textOf("anything"));
	}

	private void awaitLoaded(RegisterViewer<?> register) {
		RunningWorkbench.spinUntil(display, () -> !register.loading(), "the register's rows");
	}

	private static void key(Table table, int keyCode) {
		Event key = new Event();
		key.keyCode = keyCode;
		key.doit = true;
		table.notifyListeners(SWT.KeyDown, key);
		assertFalse(key.doit, "the register handles the key itself");
	}

	private static Event selectionOf(Table table, int row) {
		Event selection = new Event();
		selection.item = table.getItem(row);
		return selection;
	}

	private static Object selectedRecord(RegisterViewer<String> register) {
		IStructuredSelection selection = register.viewer().getStructuredSelection();
		assertEquals(1, selection.size(), "selected: " + selection.toList());
		return selection.getFirstElement();
	}

	private static String summary(RegisterViewer<?> register) {
		return ((Label) ((Composite) register.control()).getChildren()[1]).getText();
	}
}
