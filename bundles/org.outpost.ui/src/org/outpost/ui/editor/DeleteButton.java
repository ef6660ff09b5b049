package org.outpost.ui.editor;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.outpost.core.record.RuleViolation;

/**
 * A register's Delete command for the selected record: disabled with the reason when nothing is
 * selected or the user lacks the delete permission; asks for a confirmation that names the record;
 * deletes it (the record's tombstone and its outbox entry in one transaction, by the module's
 * delete action); a refusal by a business rule is shown with its reason and changes nothing.
 */
public final class DeleteButton<T> {

	/** How the command talks to the user: modal dialogs in the product, answers given by tests. */
	public interface Prompts {
		boolean confirm(String question);

		void refuse(String reason);
	}

	private final Button button;
	private final Function<? super T, String> describe;
	private final Supplier<String> deniedReason;
	private final Consumer<? super T> delete;
	private final Runnable afterDelete;
	private Prompts prompts;
	private T selected;

	/**
	 * @param describe names a record for the user, e.g. {@code the event “Fire drill”}
	 * @param deniedReason why the signed-in user may not delete, or null when they may
	 * @param delete deletes the record with its outbox entry; may throw {@link RuleViolation}
	 * @param afterDelete e.g. refreshes the register
	 */
	public DeleteButton(Composite parent, Function<? super T, String> describe, Supplier<String> deniedReason, Consumer<? super T> delete,
			Runnable afterDelete) {
		this.describe = Objects.requireNonNull(describe, "describe");
		this.deniedReason = Objects.requireNonNull(deniedReason, "deniedReason");
		this.delete = Objects.requireNonNull(delete, "delete");
		this.afterDelete = Objects.requireNonNull(afterDelete, "afterDelete");
		button = new Button(parent, SWT.PUSH);
		button.setText("Delete\u2026");
		prompts = new Prompts() {
			@Override
			public boolean confirm(String question) {
				return MessageDialog.openQuestion(button.getShell(), "Delete", question);
			}

			@Override
			public void refuse(String reason) {
				MessageDialog.openInformation(button.getShell(), "Not deleted", reason);
			}
		};
		button.addListener(SWT.Selection, e -> run());
		select(null);
	}

	public Button control() {
		return button;
	}

	/** The record the command would delete now (null: none selected). */
	public void select(T record) {
		selected = record;
		String denied = deniedReason.get();
		button.setEnabled(record != null && denied == null);
		button.setToolTipText(denied != null ? denied : record == null ? "Select a record to delete" : "Delete " + describe.apply(record));
	}

	/** Replaces the dialogs (for tests that drive the command). */
	public void setPrompts(Prompts prompts) {
		this.prompts = Objects.requireNonNull(prompts, "prompts");
	}

	/** What pressing the button does. */
	public void run() {
		T record = selected;
		if (record == null || deniedReason.get() != null) {
			return;
		}
		String name = describe.apply(record);
		if (!prompts.confirm("Delete " + name + "? It is removed from this device now and from the server with the next sync.")) {
			return;
		}
		try {
			delete.accept(record);
		} catch (RuleViolation e) {
			prompts.refuse("Cannot delete " + name + ": " + String.join(" ", e.problems()));
			return;
		}
		select(null);
		afterDelete.run();
	}
}
