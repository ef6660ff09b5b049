package org.outpost.sync.ui.internal;

import java.lang.reflect.InvocationTargetException;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import jakarta.annotation.PostConstruct;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.ProgressMonitorDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.outpost.core.sync.SyncKind;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.engine.SyncService;
import org.outpost.sync.history.SyncOutcome;
import org.outpost.sync.schedule.SyncRule;
import org.outpost.ui.sync.LoginDialog;

import jakarta.inject.Inject;

/**
 * The first start of the desktop on an empty device: asks for the server and the user's
 * credentials, then runs the initial full sync with progress; it can be cancelled and goes on
 * where it stopped, by itself at the next start, while the engine says the initial sync is still due
 * (also after a switch to another account). It runs before
 * the window is drawn, so the registers open on the data the initial sync brought.
 */
public final class FirstRunAddon {

	@Inject
	@Optional
	SyncService sync;

	@PostConstruct
	void beforeTheWindowOpens() {
		Display display = Display.getCurrent();
		if (sync == null || display == null) {
			return;
		}
		if (sync.engine().connection().isEmpty()) {
			// no window yet: the dialogs stand on their own
			LoginDialog login = new LoginDialog(null, sync.engine(),
					"Welcome to Outpost. Enter your server and your credentials; Outpost then brings your data to this device.");
			if (login.open() != Window.OK) {
				return;
			}
			initialSync();
		} else if (sync.engine().initialSyncDue().isPresent()) {
			// an initial sync that did not finish (also the one after a switch to another account) goes on by itself, in the background
			sync.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL));
		}
	}

	private void initialSync() {
		Shell shell = null;
		SyncReport[] report = new SyncReport[1];
		try {
			new ProgressMonitorDialog(shell).run(true, true, monitor -> {
				Job.getJobManager().beginRule(SyncRule.INSTANCE, monitor);
				try {
					report[0] = sync.engine().sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL), monitor);
				} finally {
					Job.getJobManager().endRule(SyncRule.INSTANCE);
				}
			});
		} catch (InvocationTargetException e) {
			MessageDialog.openError(shell, "Initial sync", "The initial sync failed: " + e.getCause().getMessage());
			return;
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return;
		}
		if (report[0] != null) {
			if (report[0].outcome() == SyncOutcome.CANCELLED) {
				MessageDialog.openInformation(shell, "Initial sync", "The initial sync stopped. It goes on where it stopped at the next start,"
						+ " or when you press Full on the Sync tab.");
			} else if (report[0].outcome() != SyncOutcome.SUCCEEDED) {
				MessageDialog.openWarning(shell, "Initial sync", report[0].message());
			}
		}
	}
}
