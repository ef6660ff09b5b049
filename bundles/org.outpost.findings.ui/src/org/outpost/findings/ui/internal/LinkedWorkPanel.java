package org.outpost.findings.ui.internal;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.outpost.admin.Access;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Permission;
import org.outpost.findings.Action;
import org.outpost.findings.Finding;
import org.outpost.findings.FindingRules;
import org.outpost.findings.Findings;
import org.outpost.persistence.LocalDatabase;

/**
 * In an Event's editor, the findings raised in it and every action of the event (its own and its
 * findings'), with Raise finding and Add action; in an Obligation's editor, its actions with Add
 * action. Double-click opens a finding or action. What is saved here is saved at once.
 */
final class LinkedWorkPanel {

	private final LocalDatabase database;
	private final AccessPolicy access;
	private final boolean ofEvent;
	private final String recordId;
	private List<Finding> shownFindings = List.of();
	private List<Action> shownActions = List.of();

	/** Null in an obligation's editor. */
	final Table findings;
	final Table actions;
	/** Null in an obligation's editor. */
	final Button raiseFinding;
	final Button addAction;

	/** @param recordType {@code event} or {@code obligation} */
	LinkedWorkPanel(Composite grid, LocalDatabase database, String recordType, String recordId, boolean editable) {
		this.database = database;
		this.access = new AccessPolicy(database);
		this.ofEvent = "event".equals(recordType);
		this.recordId = recordId;
		Group group = new Group(grid, SWT.NONE);
		group.setText(ofEvent ? "Findings and actions" : "Actions");
		// side by side, so that a long form's editor still fits on a laptop screen
		GridLayoutFactory.swtDefaults().numColumns(ofEvent ? 2 : 1).equalWidth(true).applyTo(group);
		GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(group);
		Access create = access.check(FindingRules.MODULE, FindingRules.MODULE_LABEL, Permission.CREATE);
		findings = ofEvent ? table(group, "Finding", 170, "NC", 40, "Risk", 90) : null;
		actions = table(group, "Action", 150, "Fixes", 110, "Due", 90, "Status", 90);
		if (ofEvent) {
			raiseFinding = button(group, "Raise finding\u2026", editable, create, "Raise a finding in this event");
			raiseFinding.addListener(SWT.Selection, e -> {
				if (raiseFindingEditor().open() == Window.OK) {
					refresh();
				}
			});
			findings.addListener(SWT.DefaultSelection, e -> {
				if (findings.getSelectionIndex() >= 0 && findingEditor(shownFindings.get(findings.getSelectionIndex()).getId()).open() == Window.OK) {
					refresh();
				}
			});
		} else {
			raiseFinding = null;
		}
		addAction = button(group, "Add action\u2026", editable, create,
				ofEvent ? "Add an action that fixes this event" : "Add an action for this obligation");
		addAction.addListener(SWT.Selection, e -> {
			if (addActionEditor().open() == Window.OK) {
				refresh();
			}
		});
		actions.addListener(SWT.DefaultSelection, e -> {
			if (actions.getSelectionIndex() >= 0 && actionEditor(shownActions.get(actions.getSelectionIndex()).getId()).open() == Window.OK) {
				refresh();
			}
		});
		refresh();
	}

	/** The finding editor Raise finding opens: a new finding raised in this event. */
	FindingEditorDialog raiseFindingEditor() {
		return new FindingEditorDialog(actions.getShell(), database, null, recordId, denied(Permission.CREATE));
	}

	/** The action editor Add action opens: a new action linked to this event or obligation. */
	ActionEditorDialog addActionEditor() {
		return new ActionEditorDialog(actions.getShell(), database, null, ofEvent ? LinkPicker.Kind.EVENT : LinkPicker.Kind.OBLIGATION, recordId,
				denied(Permission.CREATE));
	}

	private FindingEditorDialog findingEditor(String findingId) {
		return new FindingEditorDialog(actions.getShell(), database, findingId, null, denied(Permission.EDIT));
	}

	private ActionEditorDialog actionEditor(String actionId) {
		return new ActionEditorDialog(actions.getShell(), database, actionId, LinkPicker.Kind.STANDALONE, null, denied(Permission.EDIT));
	}

	/** Reads the findings and actions again. */
	void refresh() {
		if (ofEvent) {
			shownFindings = Findings.ofEvent(database, recordId);
			findings.removeAll();
			for (Finding finding : shownFindings) {
				new TableItem(findings, SWT.NONE).setText(new String[] { finding.getDescription(), finding.isNonConformance() ? "\u2714" : "",
						finding.getRisk().toString() });
			}
		}
		shownActions = ofEvent ? Findings.actionsOfEvent(database, recordId) : Findings.actionsOfObligation(database, recordId);
		actions.removeAll();
		for (Action action : shownActions) {
			String fixes = action.getFindingId() == null ? (ofEvent ? "This event" : "This obligation")
					: shownFindings.stream().filter(f -> f.getId().equals(action.getFindingId())).map(f -> "Finding: " + f.getDescription()).findFirst()
							.orElse("A finding");
			new TableItem(actions, SWT.NONE).setText(new String[] { action.getDescription(), fixes,
					action.getDueDate() == null ? "" : action.getDueDate().toString(), action.getStatus().label() });
		}
	}

	private String denied(Permission permission) {
		Access check = access.check(FindingRules.MODULE, FindingRules.MODULE_LABEL, permission);
		return check.allowed() ? null : check.reason();
	}

	private static Table table(Composite parent, Object... columns) {
		Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		table.setHeaderVisible(true);
		for (int i = 0; i < columns.length; i += 2) {
			TableColumn column = new TableColumn(table, SWT.NONE);
			column.setText((String) columns[i]);
			column.setWidth((Integer) columns[i + 1]);
		}
		GridDataFactory.fillDefaults().grab(true, false).hint(200, 75).applyTo(table);
		return table;
	}

	private static Button button(Composite parent, String text, boolean editable, Access create, String tip) {
		Button button = new Button(parent, SWT.PUSH);
		button.setText(text);
		GridDataFactory.swtDefaults().applyTo(button);
		button.setEnabled(editable && create.allowed());
		button.setToolTipText(!create.allowed() ? create.reason() : editable ? tip : "The record is read only here");
		return button;
	}
}
