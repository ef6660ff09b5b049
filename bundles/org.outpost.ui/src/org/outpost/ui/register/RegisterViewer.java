package org.outpost.ui.register;

import java.text.NumberFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.core.runtime.ILog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Slider;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.outpost.core.record.RecordSource;
import org.outpost.core.record.SortableRecordSource;
import org.outpost.ui.sync.SyncEndings;

/**
 * A register: a table over a {@link RecordSource} that holds only the rows that fit on screen,
 * with a scroll bar of its own over all the records. GTK adds native rows one by one, so a table
 * of 100,000 rows costs a second to fill; this one never holds more than a screenful. The count
 * and the rows are read off the UI thread, the first page before the count, and a bounded number
 * of pages is kept. The arrow, page, Home and End keys and the mouse wheel move through all the
 * records; the selection is kept by row while scrolling. When the source is sortable, clicking a
 * column header with a sort key has the database sort by it (a second click reverses the order).
 */
public final class RegisterViewer<T> {

	/** Widget data key of a table column: its sort key, or null. */
	public static final String SORT_KEY = "org.outpost.ui.register.sortKey";

	private final Composite composite;
	private final Table table;
	private final TableViewer viewer;
	private final Slider slider;
	private final Label summary;
	private final String noun;
	private final String oneNoun;
	private final List<RegisterColumn<T>> columns;
	private final ThreadPoolExecutor reads;
	private final RowLoader<T> rows;
	private RecordSource<T> source;
	private Predicate<? super T> emphasis = row -> false;
	private Color emphasisBackground;
	/** The record shown in the table's first row. */
	private int top;
	/** The focused record: where the keys move from. */
	private int lead;
	/** The selected records, by row. */
	private final TreeSet<Integer> selected = new TreeSet<>();
	private String failure;
	/** A key moved the selection: tell the selection listeners once its record is on screen. */
	private boolean leadMovedByKey;

	/**
	 * @param noun what one row is, in the plural, for the count under the table ("events"); the
	 *            count says it also for one row ("1 events"): name the singular with the other constructor
	 */
	public RegisterViewer(Composite parent, RecordSource<T> source, List<RegisterColumn<T>> columns, String noun) {
		this(parent, source, columns, noun, noun);
	}

	/**
	 * @param oneNoun the count under the table for one row ("event", "change waiting")
	 * @param noun the same in the plural ("events", "changes waiting")
	 */
	public RegisterViewer(Composite parent, RecordSource<T> source, List<RegisterColumn<T>> columns, String oneNoun, String noun) {
		this.source = Objects.requireNonNull(source, "source");
		this.oneNoun = Objects.requireNonNull(oneNoun, "oneNoun");
		this.noun = Objects.requireNonNull(noun, "noun");
		this.columns = List.copyOf(columns);
		composite = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().margins(2, 2).applyTo(composite);
		Composite body = new Composite(composite, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).spacing(0, 0).applyTo(body);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(body);

		table = new Table(body, SWT.FULL_SELECTION | SWT.MULTI | SWT.BORDER);
		viewer = new TableViewer(table);
		// the register behind the table, for tests that find it in the widget tree
		table.setData(RegisterViewer.class.getName(), this);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 100).applyTo(table);
		for (RegisterColumn<T> column : this.columns) {
			TableColumn tableColumn = new TableColumn(table, SWT.LEFT);
			tableColumn.setText(column.title());
			tableColumn.setWidth(column.width());
			tableColumn.setData(SORT_KEY, column.sortKey());
			if (column.sortKey() != null) {
				tableColumn.addListener(SWT.Selection, e -> sortBy(tableColumn));
			}
		}
		slider = new Slider(body, SWT.VERTICAL);
		GridDataFactory.fillDefaults().grab(false, true).applyTo(slider);
		summary = new Label(composite, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);

		reads = new ThreadPoolExecutor(2, 2, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
			Thread thread = new Thread(task, "Outpost register reads (" + noun + ")");
			thread.setDaemon(true);
			return thread;
		});
		reads.allowCoreThreadTimeOut(true);
		Display display = table.getDisplay();
		rows = new RowLoader<>(reads, answer -> inUiThread(display, answer), this::show, this::readFailed);
		// no interrupt: an interrupted HSQLDB read closes the database file's channel
		composite.addListener(SWT.Dispose, e -> reads.shutdown());

		table.addListener(SWT.Resize, e -> show());
		table.addListener(SWT.Selection, this::selectedInTable);
		table.addListener(SWT.KeyDown, this::keyPressed);
		table.addListener(SWT.MouseVerticalWheel, e -> {
			e.doit = false;
			scrollTo(top - e.count);
		});
		slider.addListener(SWT.Selection, e -> scrollTo(slider.getSelection()));

		showSortIndicator();
		refresh();
		// a sync, whoever started it, may have changed the records: every open register shows what it brought
		SyncEndings.onEachEnd(table, this::refresh);
	}

	private static void inUiThread(Display display, Runnable answer) {
		if (display.isDisposed()) {
			return;
		}
		try {
			display.asyncExec(answer);
		} catch (SWTException e) {
			// the display went away while the read ran: nobody is looking any more
		}
	}

	/**
	 * Marks the rows that match (e.g. overdue events) in dark red on a light red background, so
	 * they stand out while scrolling.
	 */
	public void emphasize(Predicate<? super T> rowsToMark) {
		this.emphasis = Objects.requireNonNull(rowsToMark, "rowsToMark");
		show();
	}

	/** Sorts by the column's key; the same column again reverses the order. */
	public void sortBy(TableColumn column) {
		String key = (String) column.getData(SORT_KEY);
		if (key == null || !(source instanceof SortableRecordSource<T> sortable)) {
			return;
		}
		boolean ascending = !key.equals(sortable.sortKey()) || !sortable.ascending();
		source = sortable.sortedBy(key, ascending);
		showSortIndicator();
		// the same records in another order: no need to count them again
		showFromTop(rows.count());
	}

	private void showSortIndicator() {
		if (!(source instanceof SortableRecordSource<T> sortable)) {
			return;
		}
		for (TableColumn column : table.getColumns()) {
			if (sortable.sortKey().equals(column.getData(SORT_KEY))) {
				table.setSortColumn(column);
				table.setSortDirection(sortable.ascending() ? SWT.UP : SWT.DOWN);
				return;
			}
		}
		table.setSortColumn(null);
	}

	private Color emphasisBackground() {
		if (emphasisBackground == null) {
			emphasisBackground = new Color(255, 228, 225);
		}
		return emphasisBackground;
	}

	/** Reads the count and the rows on screen again, e.g. after records changed; stays where the user scrolled to. */
	public void refresh() {
		selected.clear();
		leadMovedByKey = false;
		failure = null;
		rows.show(source, -1);
		show();
	}

	/** Shows another source (a new filter or sort) from the top. */
	public void setSource(RecordSource<T> newSource) {
		this.source = Objects.requireNonNull(newSource, "newSource");
		showSortIndicator();
		showFromTop(-1);
	}

	private void showFromTop(long knownCount) {
		top = 0;
		lead = 0;
		selected.clear();
		leadMovedByKey = false;
		failure = null;
		rows.show(source, knownCount);
		show();
	}

	/** The source shown now (with its current filter and order). */
	public RecordSource<T> source() {
		return source;
	}

	/**
	 * The viewer over the table for selection and double-click listeners; its selection is the
	 * selected records on screen. The table holds only the rows on screen: use {@link #rowCount()},
	 * {@link #source()} and {@link #topRow()} for the whole register.
	 */
	public TableViewer viewer() {
		return viewer;
	}

	public Control control() {
		return composite;
	}

	/** How many records the register shows: the count, or while counting the rows read so far. */
	public int rowCount() {
		return (int) Math.min(Integer.MAX_VALUE, rows.knownRows());
	}

	/** Whether the count or rows on screen are still being read (off the UI thread). */
	public boolean loading() {
		return rows.loading();
	}

	/** The index of the record in the table's first row. */
	public int topRow() {
		return top;
	}

	/** Scrolls so that record {@code index} is in the first row (or as close as the end allows). */
	public void scrollTo(int index) {
		top = index;
		show();
	}

	/** How many rows fit in the table without its own scroll bar. */
	private int rowsThatFit() {
		int height = table.getClientArea().height - table.getHeaderHeight();
		return Math.max(1, height / Math.max(1, table.getItemHeight()));
	}

	/** Fills the table with the rows from {@link #top} that fit, and sets the scroll bar and the count below. */
	private void show() {
		if (table.isDisposed()) {
			return;
		}
		int fit = rowsThatFit();
		// while counting, as if the records filled the screen from where the user is (a refresh keeps the place)
		int total = rows.count() < 0 && failure == null ? top + fit : rowCount();
		top = Math.max(0, Math.min(top, total - fit));
		int shown = Math.min(fit, total - top);
		if (table.getItemCount() != shown) {
			table.setItemCount(shown);
		}
		rows.want(top, top + Math.max(shown, 1) - 1);
		Color red = table.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
		for (int i = 0; i < shown; i++) {
			T row = rows.row(top + i);
			TableItem item = table.getItem(i);
			item.setData(row);
			boolean marked = row != null && emphasis.test(row);
			for (int c = 0; c < columns.size(); c++) {
				item.setText(c, row == null ? "" : columns.get(c).textOf(row));
			}
			item.setForeground(marked ? red : null);
			item.setBackground(marked ? emphasisBackground() : null);
		}
		table.deselectAll();
		if (lead >= top && lead < top + shown) {
			table.setSelection(lead - top); // GTK's cursor: where its own arrow keys start
			if (!selected.contains(lead)) {
				table.deselect(lead - top);
			}
		}
		for (int index : selected.subSet(top, top + shown)) {
			table.select(index - top);
		}
		slider.setValues(top, 0, Math.max(total, 1), Math.max(1, Math.min(fit, total)), 1, Math.max(1, fit - 1));
		slider.setEnabled(total > fit);
		summary.setText(summary());
		announceLeadMovedByKey();
	}

	private String summary() {
		if (failure != null) {
			return "Cannot read the " + noun + ": " + failure;
		}
		if (rows.count() < 0) {
			return "Counting " + noun + "\u2026";
		}
		return NumberFormat.getIntegerInstance().format(rows.count()) + " " + (rows.count() == 1 ? oneNoun : noun);
	}

	private void readFailed(RuntimeException e) {
		ILog.of(RegisterViewer.class).error("Cannot read the " + noun, e);
		failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
		show();
	}

	/** The user selected rows with the mouse or GTK's own keys: remember them by record. */
	private void selectedInTable(Event e) {
		int shown = table.getItemCount();
		selected.subSet(top, top + shown).clear();
		for (int index : table.getSelectionIndices()) {
			selected.add(top + index);
		}
		if (e.item instanceof TableItem item) {
			lead = top + table.indexOf(item);
		}
	}

	/** Keys that leave the rows on screen move the window instead (GTK would stop at its last row). */
	private void keyPressed(Event e) {
		int total = rowCount();
		int fit = rowsThatFit();
		int target = switch (e.keyCode) {
			case SWT.ARROW_DOWN -> lead == top + table.getItemCount() - 1 ? lead + 1 : -1;
			case SWT.ARROW_UP -> lead == top ? lead - 1 : -1;
			case SWT.PAGE_DOWN -> lead + fit - 1;
			case SWT.PAGE_UP -> lead - fit + 1;
			case SWT.HOME -> 0;
			case SWT.END -> total - 1;
			default -> -1;
		};
		if (target < 0 || total == 0 || (e.keyCode == SWT.ARROW_DOWN && target >= total)) {
			return; // GTK moves within the rows on screen, or there is nowhere to go
		}
		e.doit = false;
		moveLeadTo(Math.max(0, Math.min(total - 1, target)), (e.stateMask & SWT.SHIFT) != 0);
	}

	private void moveLeadTo(int index, boolean extend) {
		if (extend) {
			for (int i = Math.min(lead, index); i <= Math.max(lead, index); i++) {
				selected.add(i);
			}
		} else {
			selected.clear();
			selected.add(index);
		}
		lead = index;
		int fit = rowsThatFit();
		if (index < top) {
			top = index;
		} else if (index >= top + fit) {
			top = index - fit + 1;
		}
		leadMovedByKey = true;
		show();
	}

	/**
	 * Selection listeners (e.g. the Findings register's Actions part) follow keys as they follow
	 * clicks, once the record the key moved to has been read.
	 */
	private void announceLeadMovedByKey() {
		if (!leadMovedByKey || lead < top || lead - top >= table.getItemCount() || rows.row(lead) == null) {
			return;
		}
		leadMovedByKey = false;
		Event moved = new Event();
		moved.item = table.getItem(lead - top);
		table.notifyListeners(SWT.Selection, moved);
	}
}
