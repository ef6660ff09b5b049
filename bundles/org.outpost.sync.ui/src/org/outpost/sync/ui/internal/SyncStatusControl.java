package org.outpost.sync.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncService;
import org.outpost.ui.sync.SyncEvents;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The status line at the bottom of the window: online or offline, changes waiting, conflicts.
 * Updated after each sync and every few seconds, so that edits saved in any module show as waiting.
 */
public final class SyncStatusControl {

	static final int REFRESH_MILLIS = 5_000;

	private Label label;
	private SyncState state;

	@PostConstruct
	public void create(Composite parent, SyncService sync, LocalDatabase database) {
		state = new SyncState(sync.engine(), database);
		label = new Label(parent, SWT.NONE);
		update();
		label.getDisplay().timerExec(REFRESH_MILLIS, this::refreshLater);
	}

	private void refreshLater() {
		if (!label.isDisposed()) {
			update();
			label.getDisplay().timerExec(REFRESH_MILLIS, this::refreshLater);
		}
	}

	@Inject
	@Optional
	void syncFinished(@UIEventTopic(SyncEvents.FINISHED) SyncReport report) {
		update();
	}

	private void update() {
		if (label != null && !label.isDisposed()) {
			label.setText(state.statusLine());
			label.getParent().layout(true, true);
		}
	}
}
