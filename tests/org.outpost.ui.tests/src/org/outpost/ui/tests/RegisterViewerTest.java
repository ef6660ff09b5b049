package org.outpost.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.outpost.core.record.RecordSource;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;

class RegisterViewerTest {

	/** Rows "row 0" .. "row n-1", counting what the register asks for. */
	private static final class CountingSource implements RecordSource<String> {
		int size;
		final List<Integer> fetchedFrom = new ArrayList<>();

		CountingSource(int size) {
			this.size = size;
		}

		@Override
		public long count() {
			return size;
		}

		@Override
		public List<String> fetch(int first, int max) {
			fetchedFrom.add(first);
			return IntStream.range(first, Math.min(size, first + max)).mapToObj(i -> "row " + i).toList();
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

	@Test
	void aHundredThousandRowsAreReadOnlyAsFarAsTheUserLooks() {
		CountingSource source = new CountingSource(100_000);
		RegisterViewer<String> register = new RegisterViewer<>(shell, source,
				List.of(new RegisterColumn<String>("Row", 200, row -> row), new RegisterColumn<String>("Length", 80, row -> "" + row.length())),
				"rows");
		shell.open();
		spin();
		Table table = register.viewer().getTable();
		assertEquals(100_000, register.rowCount());
		assertEquals("row 0", table.getItem(0).getText(0));
		assertEquals("5", table.getItem(0).getText(1));

		table.setTopIndex(50_000);
		spin();
		assertEquals("row 50123", table.getItem(50_123).getText(0));
		assertTrue(source.fetchedFrom.size() <= 6, "pages fetched: " + source.fetchedFrom);
		assertTrue(source.fetchedFrom.contains(50_000), "page of row 50,123 was not fetched: " + source.fetchedFrom);
	}

	@Test
	void refreshShowsTheNewCountAndRereadsRows() {
		CountingSource source = new CountingSource(3);
		RegisterViewer<String> register = new RegisterViewer<>(shell, source, List.of(new RegisterColumn<String>("Row", 200, row -> row)), "rows");
		shell.open();
		spin();
		assertEquals(3, register.rowCount());
		assertEquals("row 2", register.viewer().getTable().getItem(2).getText());

		source.size = 5;
		register.refresh();
		spin();
		assertEquals(5, register.rowCount());
		assertEquals("row 4", register.viewer().getTable().getItem(4).getText());
	}

	@Test
	void aColumnWithoutValueShowsAnEmptyCell() {
		RegisterColumn<String> column = new RegisterColumn<>("Missing", 50, row -> null);
		assertEquals("", column.textOf("anything"));
	}

	private void spin() {
		while (display.readAndDispatch()) {
			// run pending UI work
		}
	}
}
