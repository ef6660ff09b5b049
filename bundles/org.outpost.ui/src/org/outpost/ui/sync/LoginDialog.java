package org.outpost.ui.sync;

import java.net.URI;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.outpost.protocol.Messages.Hello;
import org.outpost.sync.connection.Connection;
import org.outpost.sync.engine.SyncEngine;
import org.outpost.sync.engine.SyncProblem;

/**
 * Asks for the server address, user name and password, checks the server's version and logs in.
 * A wrong address, wrong credentials or a blocked version keep the dialog open with the reason, and
 * so does a login to another server or as another user while this device has changes of the old
 * one waiting. Without such changes, that login asks first whether to replace the local data.
 */
public final class LoginDialog extends TitleAreaDialog {

	/** Widget data key naming each field, for tests. */
	public static final String FIELD_DATA = "org.outpost.login.field";
	/** The button that agrees to replace another account's data on this device. */
	public static final String REPLACE_LABEL = "Replace Local Data";

	private final SyncEngine engine;
	private final String why;
	private Text server;
	private Text user;
	private Text password;
	private String versionWarning;
	private boolean localDataReset;

	/** @param why one sentence on why the login is asked for */
	public LoginDialog(Shell parent, SyncEngine engine, String why) {
		super(parent);
		this.engine = engine;
		this.why = why;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Log in to the Outpost server");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle("Log in to the Outpost server");
		setMessage(why);
		Composite fields = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).margins(12, 12).applyTo(fields);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
		Connection known = engine.connection().orElse(null);
		// the start script can name the server a new device should use
		server = field(fields, "Server address", "server", SWT.BORDER, known == null ? System.getProperty("outpost.server", "") : known.server().toString());
		user = field(fields, "User name", "user", SWT.BORDER, known == null ? "" : known.user());
		password = field(fields, "Password", "password", SWT.BORDER | SWT.PASSWORD, "");
		(server.getText().isEmpty() ? server : user.getText().isEmpty() ? user : password).setFocus();
		return area;
	}

	private static Text field(Composite parent, String label, String name, int style, String value) {
		new Label(parent, SWT.NONE).setText(label);
		Text text = new Text(parent, style);
		text.setText(value);
		text.setData(FIELD_DATA, name);
		GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(text);
		return text;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "Log In", true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
	}

	@Override
	protected void okPressed() {
		URI address;
		try {
			address = Connection.serverAddress(server.getText());
		} catch (IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			return;
		}
		if (user.getText().isBlank() || password.getText().isEmpty()) {
			setErrorMessage("Enter your user name and password");
			return;
		}
		String name = user.getText().strip();
		char[] secret = password.getTextChars();
		try {
			Hello hello;
			try {
				hello = logIn(address, name, secret, false);
			} catch (SyncProblem e) {
				if (e.kind() != SyncProblem.Kind.LOCAL_DATA_RESET_NEEDED) {
					throw e;
				}
				if (!confirmReset(e.getMessage())) {
					setErrorMessage("Not logged in; this device keeps its data.");
					return;
				}
				hello = logIn(address, name, secret, true);
				localDataReset = true;
			}
			if (hello.compatibility() != null && "warn".equals(hello.compatibility().verdict())) {
				versionWarning = hello.compatibility().message();
			}
		} catch (SyncProblem e) {
			setErrorMessage(e.getMessage());
			return;
		} finally {
			java.util.Arrays.fill(secret, '\0');
		}
		super.okPressed();
	}

	private Hello logIn(URI address, String name, char[] secret, boolean resetLocalData) throws SyncProblem {
		SyncProblem[] problem = new SyncProblem[1];
		Hello[] hello = new Hello[1];
		BusyIndicator.showWhile(getShell().getDisplay(), () -> {
			try {
				hello[0] = engine.login(address, name, secret, resetLocalData);
			} catch (SyncProblem e) {
				problem[0] = e;
			}
		});
		if (problem[0] != null) {
			throw problem[0];
		}
		return hello[0];
	}

	private boolean confirmReset(String what) {
		return new MessageDialog(getShell(), "Replace the data on this device?", null, what + "\n\nNothing unsent is lost: this device has no"
				+ " changes waiting.", MessageDialog.CONFIRM, 1, REPLACE_LABEL, IDialogConstants.CANCEL_LABEL).open() == 0;
	}

	/** True when the login replaced another account's data on this device: a full sync should follow. */
	public boolean localDataReset() {
		return localDataReset;
	}

	/** The version warning the server gave at login, or null. */
	public String versionWarning() {
		return versionWarning;
	}
}
