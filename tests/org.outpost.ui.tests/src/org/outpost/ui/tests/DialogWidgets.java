package org.outpost.ui.tests;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.outpost.ui.sync.LoginDialog;

/** Types into and presses the widgets of an open dialog, as a user would, found by field name or label. */
final class DialogWidgets {

	private DialogWidgets() {
	}

	/** Fills the login dialog's text field {@code field} (its {@link LoginDialog#FIELD_DATA}). */
	static void type(Composite parent, String field, String value) {
		for (Control child : parent.getChildren()) {
			if (child instanceof Text text && field.equals(text.getData(LoginDialog.FIELD_DATA))) {
				text.setText(value);
				return;
			}
			if (child instanceof Composite composite) {
				type(composite, field, value);
			}
		}
	}

	/** Presses the button labelled {@code label}; false when there is none. */
	static boolean press(Composite parent, String label) {
		for (Control child : parent.getChildren()) {
			if (child instanceof Button button && label.equals(button.getText())) {
				button.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
				return true;
			}
			if (child instanceof Composite composite && press(composite, label)) {
				return true;
			}
		}
		return false;
	}
}
