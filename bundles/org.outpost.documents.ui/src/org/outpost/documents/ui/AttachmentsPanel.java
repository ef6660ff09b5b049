package org.outpost.documents.ui;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Optional;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.outpost.core.record.SyncedRecord;
import org.outpost.core.record.Syncable;
import org.outpost.documents.Attachments;
import org.outpost.documents.Document;

/**
 * The files attached to one record, with Add, Open, Save as and Remove; any editor can embed it.
 * Changes are saved at once (each with its outbox entry), not with the editor's Save.
 */
public final class AttachmentsPanel<T extends SyncedRecord & Syncable> {

	private final Attachments attachments;
	private final T owner;
	private final Table files;
	private final Label problem;
	private final Button open;
	private final Button saveAs;
	private final Button remove;
	private final boolean editable;
	private List<Document> shown = List.of();

	/** @param editable false when the user may not change the record's attachments (Open and Save as still work) */
	public AttachmentsPanel(Composite parent, Attachments attachments, T owner, boolean editable) {
		this.attachments = attachments;
		this.owner = owner;
		this.editable = editable;
		Group group = new Group(parent, SWT.NONE);
		group.setText("Attachments");
		GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(group);
		files = new Table(group, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		GridDataFactory.fillDefaults().grab(true, false).hint(300, 70).applyTo(files);
		Composite buttons = new Composite(group, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(buttons);
		Button add = button(buttons, "Add\u2026");
		open = button(buttons, "Open");
		saveAs = button(buttons, "Save as\u2026");
		remove = button(buttons, "Remove");
		problem = new Label(group, SWT.WRAP);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(problem);
		add.setEnabled(editable);
		add.addListener(SWT.Selection, e -> {
			String chosen = new FileDialog(files.getShell(), SWT.OPEN).open();
			if (chosen != null) {
				add(Path.of(chosen));
			}
		});
		open.addListener(SWT.Selection, e -> selected().ifPresent(d -> act(() -> Program.launch(attachments.content(d).toString()))));
		saveAs.addListener(SWT.Selection, e -> selected().ifPresent(d -> {
			FileDialog dialog = new FileDialog(files.getShell(), SWT.SAVE);
			dialog.setFileName(d.getFileName());
			dialog.setOverwrite(true);
			String target = dialog.open();
			if (target != null) {
				act(() -> attachments.saveAs(d, Path.of(target)));
			}
		}));
		remove.addListener(SWT.Selection, e -> selected().ifPresent(d -> act(() -> {
			attachments.remove(d);
			show();
		})));
		files.addListener(SWT.Selection, e -> enableFor());
		show();
	}

	/** Attaches a file to the record now (what Add does once the user picked it). */
	public void add(Path file) {
		act(() -> {
			attachments.attach(owner, file);
			show();
		});
	}

	/** The attached files shown, by name. */
	public List<Document> documents() {
		return shown;
	}

	/** The last problem shown to the user, or an empty text. */
	public String problem() {
		return problem.getText();
	}

	private void show() {
		shown = attachments.of(owner.wireType(), owner.getId());
		files.removeAll();
		NumberFormat number = NumberFormat.getIntegerInstance();
		for (Document document : shown) {
			TableItem item = new TableItem(files, SWT.NONE);
			item.setText(document.getFileName() + "  (" + number.format(Math.max(1, document.getSize() / 1024)) + " KB, " + document.getMediaType() + ")");
		}
		enableFor();
	}

	private void enableFor() {
		boolean chosen = files.getSelectionIndex() >= 0;
		open.setEnabled(chosen);
		saveAs.setEnabled(chosen);
		remove.setEnabled(chosen && editable);
	}

	private Optional<Document> selected() {
		int index = files.getSelectionIndex();
		return index < 0 ? Optional.empty() : Optional.of(shown.get(index));
	}

	/** Runs a file action, telling the user what went wrong instead of failing silently. */
	private void act(Runnable action) {
		try {
			action.run();
			problem.setText("");
		} catch (RuntimeException e) {
			problem.setText(e.getMessage());
		}
		problem.getParent().layout();
	}

	private static Button button(Composite parent, String text) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		GridDataFactory.fillDefaults().applyTo(button);
		return button;
	}
}
