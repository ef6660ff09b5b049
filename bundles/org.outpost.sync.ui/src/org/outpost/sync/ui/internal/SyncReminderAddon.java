package org.outpost.sync.ui.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.outpost.core.sync.SyncKind;
import org.outpost.sync.engine.SyncReminder;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * Offers the workbench as the place to ask "Remind me before sync": while the window is open, an
 * automatic sync first asks the user whether to sync now, postpone it or skip it.
 */
public final class SyncReminderAddon {

	static final String[] BUTTONS = { "Sync Now", "Postpone 15 Minutes", "Skip" };

	private ServiceRegistration<SyncReminder> registration;

	@PostConstruct
	public void offer(UISynchronize ui, Display display) {
		SyncReminder reminder = kind -> {
			AtomicReference<SyncReminder.Answer> answer = new AtomicReference<>(SyncReminder.Answer.POSTPONE);
			ui.syncExec(() -> answer.set(ask(display, kind)));
			return answer.get();
		};
		registration = FrameworkUtil.getBundle(SyncReminderAddon.class).getBundleContext().registerService(SyncReminder.class, reminder, null);
	}

	private static SyncReminder.Answer ask(Display display, SyncKind kind) {
		Shell parent = display.getActiveShell() != null ? display.getActiveShell() : display.getShells().length > 0 ? display.getShells()[0] : null;
		MessageDialog dialog = new MessageDialog(parent, "Automatic sync", null,
				"Outpost is about to sync " + kind.label() + " with the server.", MessageDialog.QUESTION, 0, BUTTONS);
		return switch (dialog.open()) {
		case 0 -> SyncReminder.Answer.SYNC_NOW;
		case 2 -> SyncReminder.Answer.SKIP;
		default -> SyncReminder.Answer.POSTPONE;
		};
	}

	@PreDestroy
	public void withdraw() {
		if (registration != null) {
			registration.unregister();
		}
	}
}
