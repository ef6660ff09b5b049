package org.outpost.findings.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.outpost.documents.Attachments;
import org.outpost.documents.ui.AttachmentsPanel;
import org.outpost.findings.Action;
import org.outpost.findings.Finding;
import org.outpost.findings.FindingRules;
import org.outpost.findings.Findings;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.ui.editor.DateField;
import org.outpost.ui.editor.RecordEditorDialog;

/**
 * Raises or edits a Finding: description, non-conformance, inherent and residual risk. A new
 * non-conformance is saved together with its first Action, in one transaction.
 */
final class FindingEditorDialog extends RecordEditorDialog {

	private final LocalDatabase database;
	private final Finding original;
	private final String eventId;

	Text description;
	Button nonConformance;
	RiskFields risk;
	RiskFields residual;
	Text firstAction;
	DateField firstActionDue;
	/** Photos and files of an existing finding, saved as they are added. */
	AttachmentsPanel<Finding> attachments;

	/**
	 * @param findingId the finding to edit, or null for a new one
	 * @param eventId the event a new finding is raised in, or null
	 */
	FindingEditorDialog(Shell parent, LocalDatabase database, String findingId, String eventId, String readOnlyReason) {
		super(parent, findingId == null ? "New finding" : "Finding", readOnlyReason);
		this.database = database;
		this.eventId = eventId;
		this.original = findingId == null ? null : Findings.finding(database, findingId);
	}

	@Override
	protected void createFields(Composite grid) {
		label(grid, "Description");
		description = new Text(grid, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		GridDataFactory.fillDefaults().grab(true, false).hint(360, 60).applyTo(description);
		label(grid, "");
		nonConformance = new Button(grid, SWT.CHECK);
		nonConformance.setText("Non-conformance (needs at least one action)");
		label(grid, "Risk");
		risk = new RiskFields(grid, this::changed);
		label(grid, "Residual risk");
		residual = new RiskFields(grid, this::changed);
		if (original == null) {
			Group action = new Group(grid, SWT.NONE);
			action.setText("First action");
			GridLayoutFactory.swtDefaults().numColumns(2).applyTo(action);
			GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(action);
			label(action, "What to do");
			firstAction = new Text(action, SWT.BORDER);
			GridDataFactory.fillDefaults().grab(true, false).applyTo(firstAction);
			label(action, "Due date");
			firstActionDue = new DateField(action, "action's due date");
			GridDataFactory.fillDefaults().grab(true, false).applyTo(firstActionDue.control());
			firstAction.addListener(SWT.Modify, e -> changed());
			firstActionDue.control().addListener(SWT.Modify, e -> changed());
		} else {
			attachments = new AttachmentsPanel<>(grid, new Attachments(database), original, !isReadOnly());
			description.setText(original.getDescription());
			nonConformance.setSelection(original.isNonConformance());
			risk.set(original.getRisk());
			residual.set(original.getResidualRisk());
		}
		description.addListener(SWT.Modify, e -> changed());
		nonConformance.addListener(SWT.Selection, e -> changed());
	}

	@Override
	protected List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (description.getText().isBlank()) {
			problems.add("Describe what you found.");
		}
		if (residual.get().score() > risk.get().score()) {
			problems.add("The residual risk (" + residual.get() + ") cannot exceed the risk before actions (" + risk.get() + ").");
		}
		if (original == null) {
			if (nonConformance.getSelection() && firstAction.getText().isBlank()) {
				problems.add("A non-conformance needs at least one Action: describe the first action.");
			}
			if (firstActionDue.problem() != null) {
				problems.add(firstActionDue.problem());
			}
		}
		return problems;
	}

	@Override
	protected void save() {
		new LocalChanges(database).write(changes -> {
			String id;
			if (original == null) {
				Finding finding = new Finding(description.getText());
				finding.setEventId(eventId);
				apply(finding);
				id = changes.create(finding).getId();
				if (!firstAction.getText().isBlank()) {
					Action action = new Action(firstAction.getText(), firstActionDue.date());
					action.fixFinding(id);
					changes.create(action);
				}
			} else {
				id = changes.edit(Finding.class, original.getId(), f -> {
					f.setDescription(description.getText());
					apply(f);
				}).getId();
			}
			FindingRules.check(changes, id);
			return id;
		});
	}

	private void apply(Finding finding) {
		finding.setNonConformance(nonConformance.getSelection());
		finding.setRisk(risk.get());
		finding.setResidualRisk(residual.get());
	}
}
