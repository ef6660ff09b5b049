package org.outpost.ui.internal;

import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.commands.MCommand;
import org.eclipse.e4.ui.model.application.commands.MCommandsFactory;
import org.eclipse.e4.ui.model.application.commands.MParameter;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.menu.MHandledToolItem;
import org.eclipse.e4.ui.model.application.ui.menu.MMenuFactory;
import org.eclipse.e4.ui.model.application.ui.menu.MToolBar;
import org.eclipse.e4.ui.model.application.ui.menu.MToolBarElement;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.outpost.sync.SyncParticipantDescriptor;
import org.outpost.sync.SyncParticipants;
import org.outpost.ui.sync.SyncCommand;

/**
 * Gives each module register a sync button for its participant: every part whose persisted state
 * names a participant ({@link SyncCommand#REGISTER_PARTICIPANT_KEY}) gets a tool item running the
 * sync command with that participant. Runs at every start and adds only what is missing.
 */
public final class SyncButtonProcessor {

	@Execute
	public void addSyncButtons(MApplication application, EModelService models, @Optional SyncParticipants participants) {
		MCommand command = application.getCommands().stream().filter(c -> SyncCommand.ID.equals(c.getElementId())).findFirst().orElse(null);
		if (command == null || participants == null) {
			ILog.of(SyncButtonProcessor.class).warn("No register sync buttons: the sync command or the sync participants are missing");
			return;
		}
		List<MPart> parts = models.findElements(application, null, MPart.class, null, EModelService.ANYWHERE);
		for (MPart part : parts) {
			String participantId = part.getPersistedState().get(SyncCommand.REGISTER_PARTICIPANT_KEY);
			if (participantId == null) {
				continue;
			}
			participants.find(participantId).ifPresentOrElse(participant -> ensureButton(part, participant, command, models),
					() -> ILog.of(SyncButtonProcessor.class).warn("Register " + part.getElementId() + " names sync participant '"
							+ participantId + "', which is not installed or was skipped; it gets no sync button"));
		}
	}

	private static void ensureButton(MPart part, SyncParticipantDescriptor participant, MCommand command, EModelService models) {
		MToolBar toolbar = part.getToolbar();
		if (toolbar == null) {
			toolbar = models.createModelElement(MToolBar.class);
			toolbar.setElementId(part.getElementId() + ".toolbar");
			part.setToolbar(toolbar);
		}
		String buttonId = SyncCommand.BUTTON_ID_PREFIX + participant.id();
		for (MToolBarElement existing : toolbar.getChildren()) {
			if (buttonId.equals(existing.getElementId())) {
				return;
			}
		}
		MHandledToolItem button = MMenuFactory.INSTANCE.createHandledToolItem();
		button.setElementId(buttonId);
		button.setLabel("Sync " + participant.label());
		button.setTooltip("Sync " + participant.label() + " with the Outpost server");
		button.setIconURI(participant.iconUri());
		button.getTags().add("FORCE_TEXT");
		button.setCommand(command);
		MParameter parameter = MCommandsFactory.INSTANCE.createParameter();
		parameter.setName(SyncCommand.PARTICIPANT);
		parameter.setValue(participant.id());
		button.getParameters().add(parameter);
		toolbar.getChildren().add(button);
	}
}
