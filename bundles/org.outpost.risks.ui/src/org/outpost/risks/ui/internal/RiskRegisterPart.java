package org.outpost.risks.ui.internal;

import java.util.List;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.outpost.admin.Access;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.OrgUnitTree;
import org.outpost.admin.Permission;
import org.outpost.persistence.JpaRecordSource;
import org.outpost.persistence.LocalDatabase;
import org.outpost.risks.Risk;
import org.outpost.sync.outbox.Deletions;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.ui.editor.DeleteButton;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;
import org.outpost.ui.sync.SyncEndings;

import jakarta.annotation.PostConstruct;

/** The Risk register, highest inherent rating first is a click away; high residual risks in red. */
public final class RiskRegisterPart {

	private LocalDatabase database;
	private AccessPolicy access;
	private OrgUnitTree orgUnits;
	RegisterViewer<Risk> register;
	Button newRisk;
	DeleteButton<Risk> delete;

	@PostConstruct
	public void create(Composite parent, LocalDatabase localDatabase) {
		this.database = localDatabase;
		this.access = new AccessPolicy(localDatabase);
		this.orgUnits = OrgUnitTree.load(localDatabase);
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(area);
		Composite commands = new Composite(area, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(commands);
		newRisk = new Button(commands, SWT.PUSH);
		newRisk.setText("New risk\u2026");
		delete = new DeleteButton<>(commands, r -> "the risk \u201c" + r.getTitle() + "\u201d", () -> {
			Access denied = access.check(Risk.MODULE, Risk.MODULE_LABEL, Permission.DELETE);
			return denied.allowed() ? null : denied.reason();
		}, r -> Deletions.withInstalledRules().delete(new LocalChanges(database), Risk.class, r.getId()), () -> register.refresh());
		register = new RegisterViewer<>(area, new JpaRecordSource<>(localDatabase, Risk.class, "title", true), List.of(
				new RegisterColumn<Risk>("Risk", 320, Risk::getTitle, "title"),
				new RegisterColumn<Risk>("Org unit", 220, r -> orgUnits.path(r.getOrgUnitId())),
				new RegisterColumn<Risk>("Likelihood", 80, r -> String.valueOf(r.getLikelihood()), "likelihood"),
				new RegisterColumn<Risk>("Consequence", 90, r -> String.valueOf(r.getConsequence()), "consequence"),
				new RegisterColumn<Risk>("Inherent", 70, r -> String.valueOf(r.inherentRating())),
				new RegisterColumn<Risk>("Residual", 70, r -> String.valueOf(r.residualRating())),
				new RegisterColumn<Risk>("Controls", 260, Risk::getControls)), "risk", "risks");
		register.emphasize(r -> r.residualRating() >= 15);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(register.control());
		showCreatePermission();
		SyncEndings.onEachEnd(register.control(), this::reloadLookups);
		newRisk.addListener(SWT.Selection, e -> open(null));
		register.viewer().addSelectionChangedListener(
				e -> delete.select(((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Risk risk ? risk : null));
		register.viewer().addDoubleClickListener(e -> {
			if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Risk risk) {
				open(risk.getId());
			}
		});
	}

	void open(String riskId) {
		Access edit = access.check(Risk.MODULE, Risk.MODULE_LABEL, riskId == null ? Permission.CREATE : Permission.EDIT);
		if (new RiskEditorDialog(register.control().getShell(), database, riskId, edit.allowed() ? null : edit.reason()).open() == Window.OK) {
			register.refresh();
		}
	}

	/** An Admin sync may have brought other org units or permissions: the column and the commands follow. */
	private void reloadLookups() {
		orgUnits = OrgUnitTree.load(database);
		showCreatePermission();
		register.refresh();
	}

	private void showCreatePermission() {
		Access create = access.check(Risk.MODULE, Risk.MODULE_LABEL, Permission.CREATE);
		newRisk.setEnabled(create.allowed());
		newRisk.setToolTipText(create.allowed() ? "Add a risk to the register" : create.reason());
	}

	@Focus
	public void focus() {
		register.viewer().getControl().setFocus();
	}
}
