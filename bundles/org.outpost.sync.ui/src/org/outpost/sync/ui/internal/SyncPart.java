package org.outpost.sync.ui.internal;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.outpost.core.sync.SyncKind;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.SyncParticipantDescriptor;
import org.outpost.sync.SyncParticipants;
import org.outpost.sync.engine.SyncEngine;
import org.outpost.sync.engine.SyncJob;
import org.outpost.sync.engine.SyncRequest;
import org.outpost.sync.engine.SyncService;
import org.outpost.ui.sync.LoginDialog;
import org.outpost.ui.sync.SyncCommand;
import org.outpost.ui.sync.SyncEndings;

import jakarta.annotation.PostConstruct;

/**
 * The Sync tab: one button per sync kind (Full, Events, Admin, Documents), each naming the
 * installed modules it covers and its last result, with the device's connection state and the
 * changes waiting to be sent, and while a sync runs, its progress (per category: done / total,
 * bytes, time left). The buttons run the shared sync command. Change Server or User logs in anew.
 */
public final class SyncPart {

	/** The button that logs in to another server or as another user. */
	public static final String CHANGE_ACCOUNT = "Change Server or User\u2026";
	/** Widget data key holding the kind a button syncs. */
	public static final String KIND_DATA = "org.outpost.sync.kind";
	/** Widget data key of the labels that show state, for tests: "state", "progress", or the kind's key for its last result. */
	public static final String STATE_DATA = "org.outpost.sync.state";

	private Button first;
	private SyncState state;
	private Label summary;
	private Label progress;
	private Label account;
	private SyncEngine engine;
	private final Map<SyncKind, Label> lastResults = new EnumMap<>(SyncKind.class);

	@PostConstruct
	public void create(Composite parent, SyncParticipants participants, SyncService sync, LocalDatabase database, ECommandService commands,
			EHandlerService handlers) {
		engine = sync.engine();
		state = new SyncState(engine, database);
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(3).margins(16, 16).spacing(16, 12).applyTo(area);

		Label intro = new Label(area, SWT.WRAP);
		intro.setText("Send what you changed on this device to the Outpost server and bring down what changed there."
				+ " Each button syncs only its own kind of information; Full syncs everything, admin data first.");
		GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(intro);
		summary = new Label(area, SWT.NONE);
		summary.setData(STATE_DATA, "state");
		GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(summary);
		progress = new Label(area, SWT.NONE);
		progress.setData(STATE_DATA, "progress");
		GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(progress);

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
			Label last = new Label(area, SWT.NONE);
			last.setData(STATE_DATA, kind.key());
			GridDataFactory.fillDefaults().hint(300, SWT.DEFAULT).align(SWT.FILL, SWT.CENTER).applyTo(last);
			lastResults.put(kind, last);
			if (first == null) {
				first = button;
			}
		}
		Button account = new Button(area, SWT.PUSH);
		account.setText(CHANGE_ACCOUNT);
		// as wide as its text: the sync buttons above take the same width
		GridDataFactory.fillDefaults().applyTo(account);
		account.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> changeAccount(area.getShell(), sync)));
		this.account = new Label(area, SWT.WRAP);
		this.account.setData(STATE_DATA, "account");
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(this.account);
		update();
		SyncEndings.onEachEnd(summary, this::update);
		OutboxFollower.onEachChange(summary, database, this::update);
		showProgress();
	}

	/** Shows what the running sync is doing, once a second while the tab exists. */
	private void showProgress() {
		if (progress.isDisposed()) {
			return;
		}
		String text = Arrays.stream(Job.getJobManager().find(SyncJob.FAMILY)).filter(job -> job.getState() == Job.RUNNING)
				.map(job -> job.getName() + ": " + Objects.requireNonNullElse(((SyncJob) job).step(), "starting")).findFirst().orElse("");
		if (!text.equals(progress.getText())) {
			progress.setText(text);
		}
		progress.getDisplay().timerExec(1000, this::showProgress);
	}

	static String describe(List<SyncParticipantDescriptor> covered) {
		if (covered.isEmpty()) {
			return "No installed module takes part in this sync.";
		}
		return "Syncs " + covered.stream().map(SyncParticipantDescriptor::label).collect(Collectors.joining(", ")) + ".";
	}

	/**
	 * The login dialog with the current server and user: the engine refuses another account while
	 * changes wait, and asks before replacing the local data; after a replacement the new account's
	 * data comes with a full sync.
	 */
	private void changeAccount(Shell shell, SyncService sync) {
		LoginDialog login = new LoginDialog(shell, engine, "Log in to another Outpost server or as another user. The data on this device"
				+ " belongs to one account: changing it replaces the data, and is refused while changes wait to be sent.");
		if (login.open() != Window.OK) {
			return;
		}
		if (login.versionWarning() != null) {
			MessageDialog.openWarning(shell, "Outpost versions", login.versionWarning());
		}
		if (login.localDataReset()) {
			sync.sync(SyncRequest.of(SyncKind.FULL, SyncRequest.INITIAL));
		}
		update();
	}

	private void update() {
		summary.setText(state.statusLine());
		account.setText(engine.connection().map(c -> "Logged in as " + c.user() + " on " + c.server()).orElse("Not logged in"));
		lastResults.forEach((kind, label) -> label.setText(state.lastResult(kind)));
		summary.getParent().layout(true);
	}

	@Focus
	public void focus() {
		update();
		first.setFocus();
	}
}
