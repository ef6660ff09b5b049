package org.outpost.ui.editor;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;

/** A date typed as YYYY-MM-DD (blank for none), with a message saying how to write it when it is wrong. */
public final class DateField {

	private final Text text;
	private final String name;

	/** @param name the field's name in messages, e.g. "due date" */
	public DateField(Composite parent, String name) {
		this.name = name;
		text = new Text(parent, SWT.BORDER);
		text.setMessage("YYYY-MM-DD");
	}

	public Text control() {
		return text;
	}

	public void set(LocalDate date) {
		text.setText(date == null ? "" : date.toString());
	}

	/** The date, or null when blank. @throws DateTimeParseException when {@link #problem()} is not null */
	public LocalDate date() {
		return text.getText().isBlank() ? null : LocalDate.parse(text.getText().strip());
	}

	/** What is wrong with the text, or null. */
	public String problem() {
		try {
			date();
			return null;
		} catch (DateTimeParseException e) {
			return "Write the " + name + " as YYYY-MM-DD, e.g. " + LocalDate.now() + ".";
		}
	}
}
