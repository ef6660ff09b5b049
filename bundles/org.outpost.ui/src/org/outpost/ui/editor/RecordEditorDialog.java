package org.outpost.ui.editor;

import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.outpost.core.record.RuleViolation;

/**
 * The frame every record editor shares: fields in a two-column grid, validation on every change
 * with a message that says what to fix (Save stays disabled until there is nothing to fix), and a
 * read-only mode when the user may not edit, in which Save is disabled and says why.
 */
public abstract class RecordEditorDialog extends TitleAreaDialog {

	private final String heading;
	private final String readOnlyReason;
	private Composite fields;

	/**
	 * @param readOnlyReason why the user may not save (shown in the editor and on the Save button), or null
	 */
	protected RecordEditorDialog(Shell parent, String heading, String readOnlyReason) {
		super(parent);
		this.heading = heading;
		this.readOnlyReason = readOnlyReason;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	/** Adds the editor's fields to a two-column grid (label, control). */
	protected abstract void createFields(Composite grid);

	/** What must be fixed before saving, as messages that name the field; empty when it can be saved. */
	protected abstract List<String> problems();

	/** Writes the record (with its outbox entry); a {@link RuleViolation} keeps the editor open with its message. */
	protected abstract void save();

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(heading);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle(heading);
		fields = new Composite(area, SWT.NONE);
		GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(fields);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(fields);
		createFields(fields);
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "Save", true);
		createButton(parent, IDialogConstants.CANCEL_ID, readOnlyReason == null ? IDialogConstants.CANCEL_LABEL : "Close", false);
	}

	@Override
	public void create() {
		super.create();
		if (readOnlyReason != null) {
			disable(fields);
			saveButton().setEnabled(false);
			saveButton().setToolTipText(readOnlyReason);
			setMessage("Read only: " + readOnlyReason, IMessageProvider.WARNING);
		} else {
			changed();
		}
	}

	/** Subclasses call this whenever a field changes: validation runs again. */
	protected final void changed() {
		if (readOnlyReason != null || saveButton() == null) {
			return;
		}
		List<String> problems = problems();
		setErrorMessage(problems.isEmpty() ? null : problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
		if (problems.isEmpty()) {
			setMessage("Changes are saved on this device and queued for the next sync.");
		}
		saveButton().setEnabled(problems.isEmpty());
		saveButton().setToolTipText(problems.isEmpty() ? null : String.join("\n", problems));
	}

	@Override
	protected void okPressed() {
		if (readOnlyReason != null) {
			return;
		}
		try {
			save();
		} catch (RuleViolation e) {
			setErrorMessage(String.join(" ", e.problems()));
			return;
		}
		super.okPressed();
	}

	/** True when the user may not save; every field is disabled. */
	public boolean isReadOnly() {
		return readOnlyReason != null;
	}

	/** The Save button (for tests that drive the editor). */
	public Button saveButton() {
		return getButton(IDialogConstants.OK_ID);
	}

	/** Adds the sections installed modules declare for editors of this stored record (see {@link EditorSection}). */
	protected final void addSections(Composite grid, String recordType, String recordId) {
		for (IConfigurationElement declared : Platform.getExtensionRegistry().getConfigurationElementsFor("org.outpost.ui.editorSections")) {
			if (recordType.equals(declared.getAttribute("recordType"))) {
				try {
					((EditorSection) declared.createExecutableExtension("class")).create(grid, recordType, recordId, !isReadOnly());
				} catch (CoreException | ClassCastException e) {
					ILog.of(RecordEditorDialog.class).error("Skipped the editor section " + declared.getAttribute("class") + " of "
							+ declared.getContributor().getName() + ": " + e.getMessage(), e);
				}
			}
		}
	}

	/** Adds a field label in the grid's first column. */
	protected static Label label(Composite grid, String text) {
		Label label = new Label(grid, SWT.NONE);
		label.setText(text);
		GridDataFactory.swtDefaults().align(SWT.END, SWT.CENTER).applyTo(label);
		return label;
	}

	private static void disable(Composite composite) {
		for (Control child : composite.getChildren()) {
			// Combo, Spinner and Table are Composites too: disable them whole; descend only into layout containers
			if (child.getClass() == Composite.class || child instanceof Group) {
				disable((Composite) child);
			} else if (!(child instanceof Label)) {
				child.setEnabled(false);
			}
		}
	}
}
