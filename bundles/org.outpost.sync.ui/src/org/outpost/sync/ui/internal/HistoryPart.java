package org.outpost.sync.ui.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.history.CategoryTraffic;
import org.outpost.sync.history.SyncHistory;
import org.outpost.sync.history.SyncRun;
import org.outpost.ui.sync.SyncEndings;

import jakarta.annotation.PostConstruct;

/** The History tab: every sync run on this device, newest first. */
public final class HistoryPart {

	static final int SHOWN = 500;
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

	private SyncHistory history;
	private TableViewer viewer;

	@PostConstruct
	public void create(Composite parent, LocalDatabase database) {
		history = new SyncHistory(database, Clock.systemDefaultZone());
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(area);
		viewer = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
		TableColumns.add(viewer, SyncRun.class, "Started", 140, run -> WHEN.format(run.getStartedAt()));
		TableColumns.add(viewer, SyncRun.class, "Kind", 90, SyncRun::getKind);
		TableColumns.add(viewer, SyncRun.class, "Trigger", 110, SyncRun::getTrigger);
		TableColumns.add(viewer, SyncRun.class, "Duration", 80, run -> run.getDuration() == null ? "under way" : seconds(run.getDuration()));
		TableColumns.add(viewer, SyncRun.class, "Up", 110, run -> traffic(run.getTraffic(), true));
		TableColumns.add(viewer, SyncRun.class, "Down", 110, run -> traffic(run.getTraffic(), false));
		TableColumns.add(viewer, SyncRun.class, "Conflicts", 70, run -> Integer.toString(run.getConflicts()));
		TableColumns.add(viewer, SyncRun.class, "Rejects", 70, run -> Integer.toString(run.getRejects()));
		TableColumns.add(viewer, SyncRun.class, "Outcome", 120, run -> run.getOutcome() == null ? (run.getEndedAt() == null ? "—" : "") : run.getOutcome().label());
		TableColumns.add(viewer, SyncRun.class, "Error", 360, run -> run.getMessage() == null ? "" : run.getMessage());
		viewer.setContentProvider(ArrayContentProvider.getInstance());
		refresh();
		SyncEndings.onEachEnd(viewer.getControl(), this::refresh);
	}

	/** Reads the history again: after each sync, and each time the tab is shown. */
	public void refresh() {
		viewer.setInput(history.recent(SHOWN));
	}

	public TableViewer viewer() {
		return viewer;
	}

	@Focus
	public void focus() {
		refresh();
		viewer.getControl().setFocus();
	}


	static String traffic(List<CategoryTraffic> perCategory, boolean up) {
		long records = 0;
		long bytes = 0;
		for (CategoryTraffic t : perCategory) {
			records += up ? t.recordsUp() : t.recordsDown();
			bytes += up ? t.bytesUp() : t.bytesDown();
		}
		return records + " (" + kilobytes(bytes) + ")";
	}

	private static String kilobytes(long bytes) {
		return bytes < 1024 ? bytes + " B" : bytes < 1024 * 1024 ? (bytes / 1024) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
	}

	private static String seconds(Duration duration) {
		return String.format("%.1f s", duration.toMillis() / 1000.0);
	}
}
