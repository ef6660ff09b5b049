package org.outpost.sync.ui.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.engine.SyncService;
import org.outpost.ui.sync.SyncEndings;

import jakarta.annotation.PostConstruct;

/**
 * The status line at the bottom of the window: online or offline, changes waiting, conflicts.
 * Updated after each sync and as soon as a change is saved in any module, discarded or resolved.
 */
public final class SyncStatusControl {

	Label label;
	private SyncState state;

	@PostConstruct
	public void create(Composite parent, SyncService sync, LocalDatabase database) {
		state = new SyncState(sync.engine(), database);
		label = new Label(parent, SWT.NONE);
		update();
		SyncEndings.onEachEnd(label, this::update);
		OutboxFollower.onEachChange(label, database, this::update);
	}

	private void update() {
		if (label != null && !label.isDisposed()) {
			label.setText(state.statusLine());
			label.getParent().layout(true, true);
		}
	}
}
