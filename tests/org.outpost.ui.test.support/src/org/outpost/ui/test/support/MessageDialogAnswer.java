package org.outpost.ui.test.support;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.outpost.test.support.Widgets;

/**
 * Answers the next message dialog (a confirmation, say) the way a user would: a message dialog
 * runs its own event loop, so the answer waits for it on the UI thread, keeps what it said and
 * presses one of its buttons.
 */
public final class MessageDialogAnswer {

	/** How many turns of the event loop the answer waits for the dialog. */
	private static final int TURNS = 200;

	private volatile String text;

	private MessageDialogAnswer() {
	}

	/** Presses the button labelled {@code button} in the next message dialog that shows on {@code display}. */
	public static MessageDialogAnswer press(Display display, String button) {
		MessageDialogAnswer answer = new MessageDialogAnswer();
		answer.pressWhenShown(display, button, TURNS);
		return answer;
	}

	/** The dialog's labels, one a line; null while none has shown. */
	public String text() {
		return text;
	}

	private void pressWhenShown(Display display, String button, int turnsLeft) {
		display.asyncExec(() -> {
			for (Shell open : display.getShells()) {
				if (!open.isDisposed() && open.isVisible() && open.getData() instanceof MessageDialog) {
					StringBuilder said = new StringBuilder();
					collectLabels(open, said);
					text = said.toString();
					Button answer = Widgets.find(open, Button.class, candidate -> button.equals(candidate.getText()));
					if (answer == null) {
						throw new AssertionError("The message dialog has no button '" + button + "': " + text);
					}
					// pressed last: it disposes the dialog's widgets
					UserInput.click(answer);
					return;
				}
			}
			if (turnsLeft > 0) {
				pressWhenShown(display, button, turnsLeft - 1);
			}
		});
	}

	private static void collectLabels(Composite parent, StringBuilder text) {
		for (Control child : parent.getChildren()) {
			if (child instanceof Label label) {
				text.append(label.getText()).append('\n');
			} else if (child instanceof Composite composite) {
				collectLabels(composite, text);
			}
		}
	}
}
