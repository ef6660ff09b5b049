package org.outpost.ui.sync;

import java.net.URI;

import org.eclipse.jface.dialogs.IDialogConstants;
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
 * A wrong address, wrong credentials or a blocked version keep the dialog open with the reason.
 */
public final class LoginDialog extends TitleAreaDialog {

	/** Widget data key naming each field, for tests. */
	public static final String FIELD_DATA = "org.outpost.login.field";

	private final SyncEngine engine;
	private final String why;
	private Text server;
	private Text user;
	private Text password;
	private String versionWarning;

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
		SyncProblem[] problem = new SyncProblem[1];
		Hello[] hello = new Hello[1];
		BusyIndicator.showWhile(getShell().getDisplay(), () -> {
			try {
				hello[0] = engine.login(address, name, secret);
			} catch (SyncProblem e) {
				problem[0] = e;
			}
		});
		java.util.Arrays.fill(secret, '\0');
		if (problem[0] != null) {
			setErrorMessage(problem[0].getMessage());
			return;
		}
		if (hello[0].compatibility() != null && "warn".equals(hello[0].compatibility().verdict())) {
			versionWarning = hello[0].compatibility().message();
		}
		super.okPressed();
	}

	/** The version warning the server gave at login, or null. */
	public String versionWarning() {
		return versionWarning;
	}
}
