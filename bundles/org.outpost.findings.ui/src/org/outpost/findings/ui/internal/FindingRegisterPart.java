package org.outpost.findings.ui.internal;

import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.outpost.admin.Access;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Permission;
import org.outpost.findings.Finding;
import org.outpost.findings.FindingRules;
import org.outpost.persistence.JpaRecordSource;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.Deletions;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.ui.editor.DeleteButton;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;

import jakarta.annotation.PostConstruct;

/**
 * The Findings register. Selecting a finding shows its actions in the Actions part beside it
 * (through the selection service); double-click edits.
 */
public final class FindingRegisterPart {

	private LocalDatabase database;
	private AccessPolicy access;
	RegisterViewer<Finding> register;
	Button newFinding;
	DeleteButton<Finding> delete;

	@PostConstruct
	public void create(Composite parent, LocalDatabase localDatabase, ESelectionService selection) {
		this.database = localDatabase;
		this.access = new AccessPolicy(localDatabase);
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(area);
		Composite commands = new Composite(area, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(commands);
		newFinding = new Button(commands, SWT.PUSH);
		newFinding.setText("New finding\u2026");
		delete = new DeleteButton<>(commands, f -> "the finding \u201c" + f.getDescription() + "\u201d and its actions",
				() -> denied(access.check(FindingRules.MODULE, FindingRules.MODULE_LABEL, Permission.DELETE)),
				f -> Deletions.withInstalledRules().delete(new LocalChanges(database), Finding.class, f.getId()), () -> register.refresh());
		register = new RegisterViewer<>(area, new JpaRecordSource<>(localDatabase, Finding.class, "description", true), List.of(
				new RegisterColumn<Finding>("Description", 420, Finding::getDescription, "description"),
				new RegisterColumn<Finding>("Non-conformance", 120, f -> f.isNonConformance() ? "Yes" : "", "nonConformance"),
				new RegisterColumn<Finding>("Risk", 110, f -> f.getRisk().toString()),
				new RegisterColumn<Finding>("Residual risk", 110, f -> f.getResidualRisk().toString())), "finding", "findings");
		register.emphasize(Finding::isNonConformance);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(register.control());

		Access create = access.check(FindingRules.MODULE, FindingRules.MODULE_LABEL, Permission.CREATE);
		newFinding.setEnabled(create.allowed());
		newFinding.setToolTipText(create.allowed() ? "Raise a finding" : create.reason());
		newFinding.addListener(SWT.Selection, e -> open(null));
		register.viewer().addSelectionChangedListener(e -> {
			Object row = ((IStructuredSelection) e.getSelection()).getFirstElement();
			selection.setSelection(row);
			delete.select(row instanceof Finding finding ? finding : null);
		});
		register.viewer().addDoubleClickListener(e -> {
			if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Finding finding) {
				open(finding.getId());
			}
		});
	}

	static String denied(Access access) {
		return access.allowed() ? null : access.reason();
	}

	void open(String findingId) {
		Access edit = access.check(FindingRules.MODULE, FindingRules.MODULE_LABEL, findingId == null ? Permission.CREATE : Permission.EDIT);
		if (new FindingEditorDialog(register.control().getShell(), database, findingId, null, edit.allowed() ? null : edit.reason()).open() == Window.OK) {
			register.refresh();
		}
	}

	@Focus
	public void focus() {
		register.viewer().getControl().setFocus();
	}
}
