package org.outpost.sync.ui.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.outpost.core.sync.SyncKind;
import org.outpost.sync.SyncParticipantDescriptor;
import org.outpost.sync.SyncParticipants;
import org.outpost.ui.sync.SyncCommand;

import jakarta.annotation.PostConstruct;

/**
 * The Sync tab: one button per sync kind (Full, Events, Admin, Documents), each naming the
 * installed modules it covers. The buttons run the shared sync command.
 */
public final class SyncPart {

	/** Widget data key holding the kind a button syncs. */
	public static final String KIND_DATA = "org.outpost.sync.kind";

	private Button first;

	@PostConstruct
	public void create(Composite parent, SyncParticipants participants, ECommandService commands, EHandlerService handlers) {
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).margins(16, 16).spacing(16, 12).applyTo(area);

		Label intro = new Label(area, SWT.WRAP);
		intro.setText("Send what you changed on this device to the Outpost server and bring down what changed there."
				+ " Each button syncs only its own kind of information; Full syncs everything, admin data first.");
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(intro);

		for (SyncKind kind : SyncKind.values()) {
			Button button = new Button(area, SWT.PUSH);
			button.setText(kind.label());
			button.setData(KIND_DATA, kind);
			GridDataFactory.fillDefaults().hint(140, SWT.DEFAULT).applyTo(button);
			button.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
				ParameterizedCommand command = commands.createCommand(SyncCommand.ID, Map.of(SyncCommand.KIND, kind.key()));
				handlers.executeHandler(command);
			}));
			Label covers = new Label(area, SWT.WRAP);
			covers.setText(describe(participants.of(kind)));
			GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(covers);
			if (first == null) {
				first = button;
			}
		}
	}

	static String describe(List<SyncParticipantDescriptor> covered) {
		if (covered.isEmpty()) {
			return "No installed module takes part in this sync.";
		}
		return "Syncs " + covered.stream().map(SyncParticipantDescriptor::label).collect(Collectors.joining(", ")) + ".";
	}

	@Focus
	public void focus() {
		first.setFocus();
	}
}
