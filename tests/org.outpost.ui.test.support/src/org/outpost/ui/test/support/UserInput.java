package org.outpost.ui.test.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Widget;
import org.outpost.ui.editor.RecordEditorDialog;

/** What a user does to widgets, done the way the widgets see it: through their listeners. */
public final class UserInput {

	private UserInput() {
	}

	/** Opens a dialog without blocking, so the test goes on with it open. */
	public static <W extends Window> W open(W window) {
		window.setBlockOnOpen(false);
		window.open();
		return window;
	}

	/** Picks {@code item} in the combo (failing if it is not offered) and tells its listeners. */
	public static void select(Combo combo, String item) {
		int index = combo.indexOf(item);
		assertTrue(index >= 0, "'" + item + "' is among " + List.of(combo.getItems()));
		combo.select(index);
		click(combo);
	}

	/** A selection event: a button pressed, a combo or list item picked. */
	public static void click(Widget widget) {
		notify(widget, SWT.Selection);
	}

	/** An event of the given SWT type, e.g. {@link SWT#Modify} after a text or spinner was set. */
	public static void notify(Widget widget, int type) {
		widget.notifyListeners(type, new Event());
	}

	/** Presses Save, which must be enabled, and checks that the editor closed. */
	public static void save(RecordEditorDialog dialog) {
		assertTrue(dialog.saveButton().isEnabled(), "Save is enabled; the editor says: " + dialog.getErrorMessage());
		click(dialog.saveButton());
		assertTrue(dialog.getShell() == null || dialog.getShell().isDisposed(), "the editor closed after saving: " + dialog.getErrorMessage());
	}
}
