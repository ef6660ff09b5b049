package org.outpost.ui.internal;

import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.outpost.core.sync.SyncKind;
import org.outpost.sync.engine.SyncJob;
import org.outpost.sync.engine.SyncProblem;
import org.outpost.sync.engine.SyncReport;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.engine.SyncService;
import org.outpost.ui.sync.LoginDialog;
import org.outpost.ui.sync.SyncCommand;

import jakarta.inject.Named;

/**
 * Runs the sync command for every kind and every register button: logs in first when needed,
 * runs the sync as a job, then tells the user what happened (the views follow every sync's end
 * themselves, see {@link org.outpost.ui.sync.SyncEndings}). Being offline is shown in the status
 * line, not in a dialog.
 */
public final class SyncHandler {

	@CanExecute
	public boolean canExecute(@Optional SyncService sync) {
		return sync != null;
	}

	@Execute
	public void execute(Shell shell, SyncService sync, UISynchronize ui, @Optional @Named(SyncCommand.KIND) String kind,
			@Optional @Named(SyncCommand.PARTICIPANT) String participant) {
		SyncRequest request = participant != null ? SyncRequest.participant(participant, SyncRequest.MANUAL)
				: SyncRequest.of(kind == null ? SyncKind.FULL : SyncKind.fromKey(kind), SyncRequest.MANUAL);
		if (sync.engine().connection().isEmpty()) {
			LoginDialog login = logIn(shell, sync, "Log in once; after that Outpost keeps you logged in on this device.");
			if (login == null) {
				return;
			}
			request = afterLogin(login, request);
		}
		run(shell, sync, ui, request, true);
	}

	/** What runs after a login: a login that replaced another account's data brings the new one's with a full sync. */
	private static SyncRequest afterLogin(LoginDialog login, SyncRequest asked) {
		return login.localDataReset() ? SyncRequest.of(SyncKind.FULL, asked.trigger()) : asked;
	}

	private static void run(Shell shell, SyncService sync, UISynchronize ui, SyncRequest request, boolean mayAskLogin) {
		SyncJob job = sync.sync(request);
		job.addJobChangeListener(new JobChangeAdapter() {
			@Override
			public void done(IJobChangeEvent event) {
				ui.asyncExec(() -> finished(shell, sync, ui, job, mayAskLogin));
			}
		});
	}

	private static void finished(Shell shell, SyncService sync, UISynchronize ui, SyncJob job, boolean mayAskLogin) {
		SyncReport report = job.report();
		if (shell.isDisposed() || report == null) {
			return;
		}
		String title = sync.engine().title(job.request());
		switch (report.outcome()) {
		case SUCCEEDED, OFFLINE, CANCELLED -> report.warnings().forEach(warning -> MessageDialog.openWarning(shell, title, warning));
		case NEEDS_ATTENTION -> MessageDialog.openInformation(shell, title,
				report.message() + ".\n\nOpen the Sync perspective's Conflicts tab to choose which values to keep; nothing was lost.");
		case REFUSED -> {
			LoginDialog login = mayAskLogin && report.problem() == SyncProblem.Kind.LOGIN_NEEDED ? logIn(shell, sync, report.message()) : null;
			if (login != null) {
				run(shell, sync, ui, afterLogin(login, job.request()), false);
			} else {
				MessageDialog.openError(shell, title, report.message());
			}
		}
		case FAILED -> MessageDialog.openError(shell, title, report.message()
				+ "\n\nYour changes stay on this device; the next sync goes on where this one stopped.");
		}
	}

	/** @return the dialog after a login, or null when the user cancelled it */
	private static LoginDialog logIn(Shell shell, SyncService sync, String why) {
		LoginDialog dialog = new LoginDialog(shell, sync.engine(), why);
		if (dialog.open() != Window.OK) {
			return null;
		}
		if (dialog.versionWarning() != null) {
			MessageDialog.openWarning(shell, "Outpost versions", dialog.versionWarning());
		}
		return dialog;
	}
}
