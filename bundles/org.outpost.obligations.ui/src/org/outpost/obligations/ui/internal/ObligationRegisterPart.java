package org.outpost.obligations.ui.internal;

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
import org.outpost.admin.Permission;
import org.outpost.obligations.Obligation;
import org.outpost.obligations.ObligationStatus;
import org.outpost.obligations.Obligations;
import org.outpost.persistence.JpaRecordSource;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.Deletions;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.ui.editor.DeleteButton;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;

import jakarta.annotation.PostConstruct;

/** The Obligations register, the officer's reference library: sortable, non-compliant ones in red. */
public final class ObligationRegisterPart {

	private LocalDatabase database;
	private AccessPolicy access;
	RegisterViewer<Obligation> register;
	Button newObligation;
	DeleteButton<Obligation> delete;

	@PostConstruct
	public void create(Composite parent, LocalDatabase localDatabase) {
		this.database = localDatabase;
		this.access = new AccessPolicy(localDatabase);
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().applyTo(area);
		Composite commands = new Composite(area, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(2).applyTo(commands);
		newObligation = new Button(commands, SWT.PUSH);
		newObligation.setText("New obligation\u2026");
		delete = new DeleteButton<>(commands, o -> "the obligation \u201c" + o.getTopic() + "\u201d", () -> {
			Access denied = access.check(Obligations.MODULE, Obligations.MODULE_LABEL, Permission.DELETE);
			return denied.allowed() ? null : denied.reason();
		}, o -> Deletions.withInstalledRules().delete(new LocalChanges(database), Obligation.class, o.getId()), () -> register.refresh());
		register = new RegisterViewer<>(area, new JpaRecordSource<>(localDatabase, Obligation.class, "topic", true), List.of(
				new RegisterColumn<Obligation>("Topic", 340, Obligation::getTopic, "topic"),
				new RegisterColumn<Obligation>("Type", 130, Obligation::getType, "type"),
				new RegisterColumn<Obligation>("Authority", 190, Obligation::getAuthority, "authority"),
				new RegisterColumn<Obligation>("Risk", 60, o -> String.valueOf(o.getRiskScore()), "riskScore"),
				new RegisterColumn<Obligation>("Status", 150, o -> o.getStatus().label(), "status"),
				new RegisterColumn<Obligation>("Sources", 260, o -> String.join("; ", o.getSources()))), "obligation", "obligations");
		register.emphasize(o -> o.getStatus() == ObligationStatus.NON_COMPLIANT);
		GridDataFactory.fillDefaults().grab(true, true).applyTo(register.control());
		Access create = access.check(Obligations.MODULE, Obligations.MODULE_LABEL, Permission.CREATE);
		newObligation.setEnabled(create.allowed());
		newObligation.setToolTipText(create.allowed() ? "Add an obligation to the register" : create.reason());
		newObligation.addListener(SWT.Selection, e -> open(null));
		register.viewer().addSelectionChangedListener(
				e -> delete.select(((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Obligation obligation ? obligation : null));
		register.viewer().addDoubleClickListener(e -> {
			if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Obligation obligation) {
				open(obligation.getId());
			}
		});
	}

	void open(String obligationId) {
		Access edit = access.check(Obligations.MODULE, Obligations.MODULE_LABEL, obligationId == null ? Permission.CREATE : Permission.EDIT);
		if (new ObligationEditorDialog(register.control().getShell(), database, obligationId, edit.allowed() ? null : edit.reason())
				.open() == Window.OK) {
			register.refresh();
		}
	}

	@Focus
	public void focus() {
		register.viewer().getControl().setFocus();
	}
}
