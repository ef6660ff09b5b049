package org.outpost.ui.register;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.outpost.core.record.RecordSource;
import org.outpost.core.record.SortableRecordSource;

/**
 * A register: a virtual table over a {@link RecordSource}. Only the rows the user scrolls to are
 * read, a page at a time, and a bounded number of pages is kept, so 100,000 records cost no more
 * memory than a screenful. When the source is sortable, clicking a column header with a sort key
 * has the database sort by it (a second click reverses the order).
 */
public final class RegisterViewer<T> {

	/** Widget data key of a table column: its sort key, or null. */
	public static final String SORT_KEY = "org.outpost.ui.register.sortKey";

	static final int PAGE_SIZE = 200;
	private static final int PAGES_KEPT = 10;

	private final Composite composite;
	private final TableViewer viewer;
	private final Label summary;
	private final String noun;
	private RecordSource<T> source;
	private Predicate<? super T> emphasis = row -> false;
	private Color emphasisBackground;
	private final Map<Integer, List<T>> pages = new LinkedHashMap<>(16, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
			return size() > PAGES_KEPT;
		}
	};

	/**
	 * @param noun what one row is, in the plural, for the count under the table ("events")
	 */
	public RegisterViewer(Composite parent, RecordSource<T> source, List<RegisterColumn<T>> columns, String noun) {
		this.source = Objects.requireNonNull(source, "source");
		this.noun = Objects.requireNonNull(noun, "noun");
		composite = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().margins(2, 2).applyTo(composite);

		viewer = new TableViewer(composite, SWT.VIRTUAL | SWT.FULL_SELECTION | SWT.MULTI | SWT.BORDER);
		// lets a sync refresh every open register without the modules having to listen for it
		viewer.getTable().setData(RegisterViewer.class.getName(), this);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
		for (RegisterColumn<T> column : columns) {
			TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.LEFT);
			TableColumn tableColumn = viewerColumn.getColumn();
			tableColumn.setText(column.title());
			tableColumn.setWidth(column.width());
			tableColumn.setData(SORT_KEY, column.sortKey());
			if (column.sortKey() != null) {
				tableColumn.addListener(SWT.Selection, e -> sortBy(tableColumn));
			}
			viewerColumn.setLabelProvider(new ColumnLabelProvider() {
				@SuppressWarnings("unchecked")
				@Override
				public String getText(Object element) {
					return column.textOf((T) element);
				}

				@SuppressWarnings("unchecked")
				@Override
				public Color getForeground(Object element) {
					return emphasis.test((T) element) ? viewer.getControl().getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null;
				}

				@SuppressWarnings("unchecked")
				@Override
				public Color getBackground(Object element) {
					return emphasis.test((T) element) ? emphasisBackground() : null;
				}
			});
		}
		viewer.setContentProvider(new PagedContentProvider());

		summary = new Label(composite, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
		showSortIndicator();
		refresh();
	}

	/**
	 * Marks the rows that match (e.g. overdue events) in dark red on a light red background, so
	 * they stand out while scrolling.
	 */
	public void emphasize(Predicate<? super T> rows) {
		this.emphasis = Objects.requireNonNull(rows, "rows");
		viewer.refresh();
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
		show(rowCount()); // the same records in another order: no need to count them again
	}

	private void showSortIndicator() {
		if (!(source instanceof SortableRecordSource<T> sortable)) {
			return;
		}
		for (TableColumn column : viewer.getTable().getColumns()) {
			if (sortable.sortKey().equals(column.getData(SORT_KEY))) {
				viewer.getTable().setSortColumn(column);
				viewer.getTable().setSortDirection(sortable.ascending() ? SWT.UP : SWT.DOWN);
				return;
			}
		}
		viewer.getTable().setSortColumn(null);
	}

	private Color emphasisBackground() {
		if (emphasisBackground == null) {
			emphasisBackground = new Color(255, 228, 225);
		}
		return emphasisBackground;
	}

	/** Refreshes every register open in {@code display}'s windows, e.g. after a sync brought new records. */
	public static void refreshAll(Display display) {
		for (Shell shell : display.getShells()) {
			refreshIn(shell);
		}
	}

	private static void refreshIn(Control control) {
		if (control.getData(RegisterViewer.class.getName()) instanceof RegisterViewer<?> register) {
			register.refresh();
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				refreshIn(child);
			}
		}
	}

	/** Reads the count again and drops every cached row, e.g. after records changed. */
	public void refresh() {
		show(source.count());
	}

	private void show(long count) {
		pages.clear();
		int rows = (int) Math.min(Integer.MAX_VALUE, count);
		if (rows < viewer.getTable().getItemCount()) {
			// GTK drops surplus rows one at a time (minutes from 100,000 down to a few); emptying the table is one call
			viewer.getTable().removeAll();
		}
		viewer.setInput(source); // clears the rows shown, once
		viewer.setItemCount(rows);
		summary.setText(NumberFormat.getIntegerInstance().format(count) + " " + noun);
		composite.layout(true);
	}

	/** Shows another source (a new filter or sort) from the top. */
	public void setSource(RecordSource<T> newSource) {
		this.source = Objects.requireNonNull(newSource, "newSource");
		showSortIndicator();
		refresh();
	}

	/** The source shown now (with its current filter and order). */
	public RecordSource<T> source() {
		return source;
	}

	public TableViewer viewer() {
		return viewer;
	}

	public Control control() {
		return composite;
	}

	/** The row count shown now. */
	public int rowCount() {
		return viewer.getTable().getItemCount();
	}

	private T rowAt(int index) {
		int page = index / PAGE_SIZE;
		List<T> rows = pages.computeIfAbsent(page, p -> source.fetch(p * PAGE_SIZE, PAGE_SIZE));
		int offset = index % PAGE_SIZE;
		return offset < rows.size() ? rows.get(offset) : null;
	}

	private final class PagedContentProvider implements ILazyContentProvider {
		@Override
		public void updateElement(int index) {
			T row = rowAt(index);
			if (row != null) {
				viewer.replace(row, index);
			}
		}

		@Override
		public void inputChanged(Viewer changed, Object oldInput, Object newInput) {
			pages.clear();
		}
	}
}
