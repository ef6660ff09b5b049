package org.outpost.test.support;

import java.util.function.Predicate;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/** Finds the widgets a UI test works with inside a part or dialog. */
public final class Widgets {

	private Widgets() {
	}

	/** The first control of {@code type} at or below {@code control} that {@code matches}, depth first; null if there is none. */
	public static <T extends Control> T find(Control control, Class<T> type, Predicate<T> matches) {
		if (type.isInstance(control) && matches.test(type.cast(control))) {
			return type.cast(control);
		}
		if (control instanceof Composite composite) {
			for (Control child : composite.getChildren()) {
				T found = find(child, type, matches);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}
}
