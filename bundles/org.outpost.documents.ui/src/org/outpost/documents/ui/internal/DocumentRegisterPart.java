package org.outpost.documents.ui.internal;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.program.Program;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.outpost.admin.Access;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Permission;
import org.outpost.documents.Attachments;
import org.outpost.documents.Document;
import org.outpost.persistence.LocalDatabase;
import org.outpost.ui.editor.DeleteButton;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;

import jakarta.annotation.PostConstruct;

/**
 * The Documents register: every file attached to a record on this device, with the record it is
 * attached to, its type and size; Open, Save as and Remove for the selected one.
 */
public final class DocumentRegisterPart {

	private Attachments attachments;
	RegisterViewer<Document> register;
	Button open;
	Button saveAs;
	DeleteButton<Document> remove;
	Label problem;
	private Document selected;

	@PostConstruct
	public void create(Composite parent, LocalDatabase database) {
		this.attachments = new Attachments(database);
		AccessPolicy access = new AccessPolicy(database);
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(area);
		Composite commands = new Composite(area, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(4).applyTo(commands);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(commands);
		open = new Button(commands, SWT.PUSH);
		open.setText("Open");
		saveAs = new Button(commands, SWT.PUSH);
		saveAs.setText("Save as\u2026");
		remove = new DeleteButton<>(commands, d -> "the attachment \u201c" + d.getFileName() + "\u201d", () -> {
			Access check = access.check(Attachments.MODULE, Attachments.MODULE_LABEL, Permission.DELETE);
			return check.allowed() ? null : check.reason();
		}, attachments::remove, () -> register.refresh());
		remove.control().setText("Remove\u2026");
		problem = new Label(commands, SWT.WRAP);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(problem);
		NumberFormat number = NumberFormat.getIntegerInstance();
		register = new RegisterViewer<>(area, attachments.all(), List.of(
				new RegisterColumn<Document>("File", 300, Document::getFileName, "fileName"),
				new RegisterColumn<Document>("Attached to", 220, DocumentRegisterPart::owner, "ownerType"),
				new RegisterColumn<Document>("Type", 160, Document::getMediaType, "mediaType"),
				new RegisterColumn<Document>("Size", 100, d -> number.format(Math.max(1, d.getSize() / 1024)) + " KB", "size")), "document", "documents");
		GridDataFactory.fillDefaults().grab(true, true).applyTo(register.control());
		register.viewer().addSelectionChangedListener(
				e -> select(((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Document document ? document : null));
		register.viewer().addDoubleClickListener(e -> openSelected());
		open.addListener(SWT.Selection, e -> openSelected());
		saveAs.addListener(SWT.Selection, e -> {
			if (selected != null) {
				FileDialog dialog = new FileDialog(saveAs.getShell(), SWT.SAVE);
				dialog.setFileName(selected.getFileName());
				dialog.setOverwrite(true);
				String target = dialog.open();
				if (target != null) {
					saveSelectedAs(Path.of(target));
				}
			}
		});
		select(null);
	}

	/** The record a document is attached to, e.g. {@code Finding 1a2b3c4d}. */
	static String owner(Document document) {
		String type = document.getOwnerType();
		return type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1) + " " + document.getOwnerId().substring(0, 8);
	}

	void select(Document document) {
		selected = document;
		open.setEnabled(document != null);
		saveAs.setEnabled(document != null);
		remove.select(document);
	}

	void saveSelectedAs(Path target) {
		act(() -> attachments.saveAs(selected, target));
	}

	private void openSelected() {
		if (selected != null) {
			act(() -> Program.launch(attachments.content(selected).toString()));
		}
	}

	/** Runs a file action, telling the user what went wrong (e.g. the file is not downloaded yet). */
	private void act(Runnable action) {
		try {
			action.run();
			problem.setText("");
		} catch (RuntimeException e) {
			problem.setText(e.getMessage());
		}
		problem.getParent().layout();
	}

	@Focus
	public void focus() {
		register.viewer().getControl().setFocus();
	}
}
