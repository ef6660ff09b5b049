package org.outpost.sync.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.outpost.sync.engine.Conflicts;
import org.outpost.sync.engine.RecordNames;
import org.outpost.sync.engine.SyncConflict;
import org.outpost.sync.engine.SyncService;
import org.outpost.ui.sync.SyncEndings;

import jakarta.annotation.PostConstruct;

/**
 * The Conflicts tab: each field changed both here and on the server, the two values side by side,
 * and the choice: keep mine (sent again with the next sync) or keep theirs.
 */
public final class ConflictsPart {

	/** Widget data key naming the buttons, for tests. */
	public static final String ACTION_DATA = "org.outpost.sync.conflicts.action";
	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

	private Conflicts conflicts;
	private RecordNames recordNames;
	/** Each open conflict's record name, by conflict id, read once per refresh rather than per paint. */
	private Map<String, String> names = Map.of();
	private TableViewer viewer;

	@PostConstruct
	public void create(Composite parent, SyncService sync) {
		conflicts = sync.engine().conflicts();
		recordNames = sync.engine().recordNames();
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().margins(4, 4).applyTo(area);
		viewer = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		viewer.getTable().setHeaderVisible(true);
		viewer.getTable().setLinesVisible(true);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
		TableColumns.add(viewer, SyncConflict.class, "Record", 360, c -> names.getOrDefault(c.getId(), c.getRecordType()));
		TableColumns.add(viewer, SyncConflict.class, "Field", 120, SyncConflict::getField);
		TableColumns.add(viewer, SyncConflict.class, "Mine (this device)", 260, SyncConflict::getMine);
		TableColumns.add(viewer, SyncConflict.class, "Theirs (server, shown now)", 260, SyncConflict::getTheirs);
		TableColumns.add(viewer, SyncConflict.class, "Found", 130, c -> WHEN.format(c.getDetectedAt()));
		viewer.setContentProvider(ArrayContentProvider.getInstance());

		Composite buttons = new Composite(area, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(buttons);
		button(buttons, "Keep Mine", "mine", true);
		button(buttons, "Keep Theirs", "theirs", false);
		refresh();
		SyncEndings.onEachEnd(viewer.getControl(), this::refresh);
	}

	private void button(Composite parent, String text, String action, boolean mine) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		button.setData(ACTION_DATA, action);
		button.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> resolve(mine)));
	}

	private void resolve(boolean mine) {
		IStructuredSelection selection = viewer.getStructuredSelection();
		for (Object selected : selection.toList()) {
			SyncConflict conflict = (SyncConflict) selected;
			try {
				if (mine) {
					conflicts.keepMine(conflict.getId());
				} else {
					conflicts.keepTheirs(conflict.getId());
				}
			} catch (IllegalArgumentException e) {
				MessageDialog.openError(viewer.getControl().getShell(), "Keep mine", e.getMessage());
			}
		}
		refresh();
	}

	public void refresh() {
		List<SyncConflict> open = conflicts.open();
		Map<String, String> named = new HashMap<>();
		open.forEach(c -> named.put(c.getId(), recordNames.of(c.getRecordType(), c.getRecordId())));
		names = named;
		viewer.setInput(open);
	}

	public TableViewer viewer() {
		return viewer;
	}

	@Focus
	public void focus() {
		refresh();
		viewer.getControl().setFocus();
	}

}
