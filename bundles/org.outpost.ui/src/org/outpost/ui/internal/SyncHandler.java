package org.outpost.ui.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.outpost.core.sync.SyncKind;
import org.outpost.sync.SyncParticipantDescriptor;
import org.outpost.sync.SyncParticipants;
import org.outpost.ui.sync.SyncCommand;

import jakarta.inject.Named;

/**
 * Handles the sync command for every kind and every register button. This build has no sync
 * engine yet, so it says so plainly, naming what the sync would have covered; it never pretends.
 */
public final class SyncHandler {

	@CanExecute
	public boolean canExecute(@Optional SyncParticipants participants) {
		return participants != null;
	}

	@Execute
	public void execute(Shell shell, SyncParticipants participants, @Optional @Named(SyncCommand.KIND) String kind,
			@Optional @Named(SyncCommand.PARTICIPANT) String participantId) {
		String subject;
		List<SyncParticipantDescriptor> covered;
		if (participantId != null) {
			covered = participants.find(participantId).map(List::of).orElse(List.of());
			subject = covered.isEmpty() ? "'" + participantId + "'" : covered.get(0).label();
		} else {
			SyncKind syncKind = kind == null ? SyncKind.FULL : SyncKind.fromKey(kind);
			covered = participants.of(syncKind);
			subject = syncKind.label();
		}
		String modules = covered.isEmpty() ? "no installed module"
				: covered.stream().map(SyncParticipantDescriptor::label).collect(Collectors.joining(", "));
		MessageDialog.openInformation(shell, subject + " sync", subject + " sync (" + modules + ") is not available in this build:"
				+ " the sync engine is not installed yet.\n\nNothing was sent or received. Everything you saved stays on this device.");
	}
}
