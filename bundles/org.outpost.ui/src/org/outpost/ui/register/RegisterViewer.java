package org.outpost.ui.register;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.outpost.core.record.RecordSource;

/**
 * A register: a virtual table over a {@link RecordSource}. Only the rows the user scrolls to are
 * read, a page at a time, and a bounded number of pages is kept, so 100,000 records cost no more
 * memory than a screenful.
 */
public final class RegisterViewer<T> {

	static final int PAGE_SIZE = 200;
	private static final int PAGES_KEPT = 10;

	private final Composite composite;
	private final TableViewer viewer;
	private final Label summary;
	private final String noun;
	private RecordSource<T> source;
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
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
		for (RegisterColumn<T> column : columns) {
			TableViewerColumn viewerColumn = new TableViewerColumn(viewer, SWT.LEFT);
			viewerColumn.getColumn().setText(column.title());
			viewerColumn.getColumn().setWidth(column.width());
			viewerColumn.setLabelProvider(new ColumnLabelProvider() {
				@SuppressWarnings("unchecked")
				@Override
				public String getText(Object element) {
					return column.textOf((T) element);
				}
			});
		}
		viewer.setContentProvider(new PagedContentProvider());

		summary = new Label(composite, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
		refresh();
	}

	/** Reads the count again and drops every cached row, e.g. after records changed. */
	public void refresh() {
		pages.clear();
		long count = source.count();
		int rows = (int) Math.min(Integer.MAX_VALUE, count);
		viewer.setInput(source);
		viewer.setItemCount(rows);
		viewer.refresh();
		summary.setText(NumberFormat.getIntegerInstance().format(count) + " " + noun);
		composite.layout(true);
	}

	/** Shows another source (a new filter or sort) from the top. */
	public void setSource(RecordSource<T> newSource) {
		this.source = Objects.requireNonNull(newSource, "newSource");
		refresh();
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
