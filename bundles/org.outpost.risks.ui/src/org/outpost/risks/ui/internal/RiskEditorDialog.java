package org.outpost.risks.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.outpost.admin.OrgUnitTree;
import org.outpost.admin.User;
import org.outpost.admin.Users;
import org.outpost.admin.ui.OrgUnitPicker;
import org.outpost.persistence.LocalDatabase;
import org.outpost.risks.Risk;
import org.outpost.risks.Risks;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.ui.editor.RecordEditorDialog;

/** Creates or edits a Risk: title, org unit, inherent and residual rating, owner, controls. */
final class RiskEditorDialog extends RecordEditorDialog {

	private final LocalDatabase database;
	private final Risk original;
	private final List<User> users;

	Text title;
	OrgUnitPicker orgUnit;
	Spinner likelihood;
	Spinner consequence;
	Spinner residualLikelihood;
	Spinner residualConsequence;
	Combo owner;
	Text controls;

	RiskEditorDialog(Shell parent, LocalDatabase database, String riskId, String readOnlyReason) {
		super(parent, riskId == null ? "New risk" : "Risk", readOnlyReason);
		this.database = database;
		this.original = riskId == null ? null : Risks.find(database, riskId);
		this.users = Users.active(database);
	}

	@Override
	protected void createFields(Composite grid) {
		label(grid, "Risk");
		title = new Text(grid, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(title);
		label(grid, "Org unit");
		orgUnit = new OrgUnitPicker(grid, OrgUnitTree.load(database), "(choose an org unit)");
		label(grid, "Likelihood (1-5)");
		likelihood = scale(grid);
		label(grid, "Consequence (1-5)");
		consequence = scale(grid);
		label(grid, "Residual likelihood");
		residualLikelihood = scale(grid);
		label(grid, "Residual consequence");
		residualConsequence = scale(grid);
		label(grid, "Owner");
		owner = new Combo(grid, SWT.READ_ONLY);
		owner.add("(nobody yet)");
		users.forEach(u -> owner.add(u.getDisplayName()));
		owner.select(0);
		label(grid, "Controls");
		controls = new Text(grid, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
		GridDataFactory.fillDefaults().grab(true, false).hint(360, 70).applyTo(controls);
		if (original != null) {
			title.setText(original.getTitle());
			orgUnit.select(original.getOrgUnitId());
			likelihood.setSelection(original.getLikelihood());
			consequence.setSelection(original.getConsequence());
			residualLikelihood.setSelection(original.getResidualLikelihood());
			residualConsequence.setSelection(original.getResidualConsequence());
			owner.select(users.stream().map(User::getId).toList().indexOf(original.getOwnerUserId()) + 1);
			controls.setText(original.getControls());
		}
		title.addListener(SWT.Modify, e -> changed());
		orgUnit.onChange(this::changed);
		for (Spinner spinner : List.of(likelihood, consequence, residualLikelihood, residualConsequence)) {
			spinner.addListener(SWT.Modify, e -> changed());
		}
	}

	private static Spinner scale(Composite grid) {
		Spinner spinner = new Spinner(grid, SWT.BORDER);
		spinner.setValues(1, 1, 5, 0, 1, 1);
		return spinner;
	}

	@Override
	protected List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (title.getText().isBlank()) {
			problems.add("Name the risk.");
		}
		if (orgUnit.selectedId() == null) {
			problems.add("Choose the org unit the risk belongs to.");
		}
		int inherent = likelihood.getSelection() * consequence.getSelection();
		int residual = residualLikelihood.getSelection() * residualConsequence.getSelection();
		if (residual > inherent) {
			problems.add("The residual rating (" + residual + ") cannot exceed the inherent rating (" + inherent + "): controls only lower a risk.");
		}
		return problems;
	}

	@Override
	protected void save() {
		LocalChanges changes = new LocalChanges(database);
		if (original == null) {
			Risk risk = new Risk(title.getText());
			apply(risk);
			changes.create(risk);
		} else {
			changes.edit(Risk.class, original.getId(), r -> {
				r.setTitle(title.getText());
				apply(r);
			});
		}
	}

	private void apply(Risk risk) {
		risk.setOrgUnitId(orgUnit.selectedId());
		risk.rateInherent(likelihood.getSelection(), consequence.getSelection());
		risk.rateResidual(residualLikelihood.getSelection(), residualConsequence.getSelection());
		int chosen = owner.getSelectionIndex();
		risk.setOwnerUserId(chosen <= 0 ? null : users.get(chosen - 1).getId());
		risk.setControls(controls.getText());
	}
}
