package org.outpost.findings.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.outpost.admin.User;
import org.outpost.admin.Users;
import org.outpost.findings.Action;
import org.outpost.findings.ActionStatus;
import org.outpost.findings.FindingRules;
import org.outpost.findings.Findings;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.ui.editor.DateField;
import org.outpost.ui.editor.RecordEditorDialog;

/**
 * Creates or edits an Action: what it fixes (a finding, an event, an obligation, or nothing),
 * who does it, by when, how far it is, its status (reopen included).
 */
final class ActionEditorDialog extends RecordEditorDialog {

	private final LocalDatabase database;
	private final Action original;
	private final LinkPicker.Kind linkKind;
	private final String linkId;
	private final List<User> users;
	private List<ActionStatus> statusChoices;

	Text description;
	LinkPicker linkedTo;
	Combo responsible;
	DateField due;
	Spinner progress;
	Combo status;

	/**
	 * @param actionId the action to edit, or null for a new one
	 * @param linkKind what a new action fixes at first (the user may change it)
	 * @param linkId the record a new action fixes, or null for a standalone action
	 */
	ActionEditorDialog(Shell parent, LocalDatabase database, String actionId, LinkPicker.Kind linkKind, String linkId, String readOnlyReason) {
		super(parent, actionId == null ? "New action" : "Action", readOnlyReason);
		this.database = database;
		this.linkKind = linkKind;
		this.linkId = linkId;
		this.original = actionId == null ? null : Findings.action(database, actionId);
		this.users = Users.active(database);
	}

	@Override
	protected void createFields(Composite grid) {
		label(grid, "What to do");
		description = new Text(grid, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(description);
		label(grid, "Linked to");
		linkedTo = new LinkPicker(grid, database, this::changed);
		label(grid, "Responsible");
		responsible = new Combo(grid, SWT.READ_ONLY);
		responsible.add("(nobody yet)");
		users.forEach(u -> responsible.add(u.getDisplayName()));
		responsible.select(0);
		label(grid, "Due date");
		due = new DateField(grid, "due date");
		GridDataFactory.fillDefaults().grab(true, false).applyTo(due.control());
		label(grid, "Progress (%)");
		progress = new Spinner(grid, SWT.BORDER);
		progress.setValues(0, 0, 100, 0, 5, 25);
		label(grid, "Status");
		status = new Combo(grid, SWT.READ_ONLY);
		ActionStatus current = original == null ? ActionStatus.PENDING : original.getStatus();
		statusChoices = new ArrayList<>(List.of(current));
		for (ActionStatus target : ActionStatus.values()) {
			if (current.canMoveTo(target)) {
				statusChoices.add(target);
			}
		}
		statusChoices.forEach(s -> status.add(s == current ? s.label() : (s == ActionStatus.IN_PROGRESS && !current.isOpen() ? "\u21ba Reopen" : "\u2192 " + s.label())));
		status.select(0);
		status.setEnabled(original != null);
		if (original == null) {
			linkedTo.link(linkKind, linkId);
		} else {
			linkedTo.show(original);
			description.setText(original.getDescription());
			responsible.select(users.stream().map(User::getId).toList().indexOf(original.getResponsibleUserId()) + 1);
			due.set(original.getDueDate());
			progress.setSelection(original.getProgress());
		}
		description.addListener(SWT.Modify, e -> changed());
		due.control().addListener(SWT.Modify, e -> changed());
	}

	@Override
	protected List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (description.getText().isBlank()) {
			problems.add("Say what is to be done.");
		}
		if (linkedTo.problem() != null) {
			problems.add(linkedTo.problem());
		}
		if (due.problem() != null) {
			problems.add(due.problem());
		}
		return problems;
	}

	@Override
	protected void save() {
		ActionStatus target = statusChoices.get(Math.max(0, status.getSelectionIndex()));
		new LocalChanges(database).write(changes -> {
			if (original == null) {
				Action action = new Action(description.getText(), due.date());
				apply(action);
				return changes.create(action);
			}
			changes.edit(Action.class, original.getId(), a -> {
				a.setDescription(description.getText());
				a.setDueDate(due.date());
				apply(a);
			});
			if (original.getFindingId() != null) {
				// moved away from a finding: a non-conformance must keep an action
				FindingRules.check(changes, original.getFindingId());
			}
			return target == original.getStatus() ? null : FindingRules.moveTo(changes, original.getId(), target);
		});
	}

	private void apply(Action action) {
		linkedTo.apply(action);
		int user = responsible.getSelectionIndex();
		action.setResponsibleUserId(user <= 0 ? null : users.get(user - 1).getId());
		action.setProgress(progress.getSelection());
	}
}
