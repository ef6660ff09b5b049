package org.outpost.findings.ui.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.outpost.admin.Access;
import org.outpost.admin.AccessPolicy;
import org.outpost.admin.Permission;
import org.outpost.findings.Action;
import org.outpost.findings.Finding;
import org.outpost.findings.FindingRules;
import org.outpost.findings.Findings;
import org.outpost.persistence.JpaRecordSource;
import org.outpost.persistence.LocalDatabase;
import org.outpost.persistence.Where;
import org.outpost.sync.outbox.Deletions;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.ui.editor.DeleteButton;
import org.outpost.ui.register.RegisterColumn;
import org.outpost.ui.register.RegisterViewer;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The Actions of the finding selected in the Findings register (all actions until one is
 * selected), soonest due first; open actions past their due date in red.
 */
public final class ActionRegisterPart {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);

	private LocalDatabase database;
	private AccessPolicy access;
	private JpaRecordSource<Action> all;
	private Finding finding;
	Label heading;
	Button newAction;
	DeleteButton<Action> delete;
	RegisterViewer<Action> register;

	@PostConstruct
	public void create(Composite parent, LocalDatabase localDatabase) {
		this.database = localDatabase;
		this.access = new AccessPolicy(localDatabase);
		Composite area = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(area);
		heading = new Label(area, SWT.NONE);
		GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(heading);
		newAction = new Button(area, SWT.PUSH);
		newAction.setText("New action\u2026");
		delete = new DeleteButton<>(area, a -> "the action \u201c" + a.getDescription() + "\u201d",
				() -> FindingRegisterPart.denied(access.check(FindingRules.MODULE, FindingRules.MODULE_LABEL, Permission.DELETE)),
				a -> Deletions.withInstalledRules().delete(new LocalChanges(database), Action.class, a.getId()), () -> register.refresh());
		all = new JpaRecordSource<>(localDatabase, Action.class, "dueDate", true);
		LocalDate today = LocalDate.now();
		register = new RegisterViewer<>(area, all, List.of(
				new RegisterColumn<Action>("Action", 380, Action::getDescription, "description"),
				new RegisterColumn<Action>("Due", 110, a -> a.getDueDate() == null ? "" : DATE.format(a.getDueDate()), "dueDate"),
				new RegisterColumn<Action>("Progress", 80, a -> a.getProgress() + "%", "progress"),
				new RegisterColumn<Action>("Status", 110, a -> a.getStatus().label(), "status")), "action", "actions");
		register.emphasize(a -> a.getStatus().isOpen() && a.getDueDate() != null && a.getDueDate().isBefore(today));
		GridDataFactory.fillDefaults().span(3, 1).grab(true, true).applyTo(register.control());
		register.viewer().addSelectionChangedListener(
				e -> delete.select(((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Action action ? action : null));
		newAction.addListener(SWT.Selection, e -> open(null));
		register.viewer().addDoubleClickListener(e -> {
			if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof Action action) {
				open(action.getId());
			}
		});
		show(null);
	}

	/** Follows the Findings register; other selections (e.g. a row of this part) leave the list as it is. */
	@Inject
	public void findingSelected(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) Finding selected) {
		if (selected != null && register != null && !register.control().isDisposed()) {
			show(selected);
		}
	}

	void show(Finding selected) {
		this.finding = selected;
		register.setSource(all.filteredBy(selected == null ? Where.ALL : Findings.actionsFixing(selected.getId())));
		heading.setText(selected == null ? "All actions" : "Actions fixing: " + selected.getDescription());
		Access create = access.check(FindingRules.MODULE, FindingRules.MODULE_LABEL, Permission.CREATE);
		newAction.setEnabled(create.allowed());
		newAction.setToolTipText(create.allowed() ? (selected == null ? "Create a standalone action" : "Add an action to the selected finding")
				: create.reason());
		heading.getParent().layout();
	}

	void open(String actionId) {
		Access edit = access.check(FindingRules.MODULE, FindingRules.MODULE_LABEL, actionId == null ? Permission.CREATE : Permission.EDIT);
		ActionEditorDialog editor = new ActionEditorDialog(register.control().getShell(), database, actionId, LinkPicker.Kind.FINDING,
				finding == null ? null : finding.getId(), edit.allowed() ? null : edit.reason());
		if (editor.open() == Window.OK) {
			register.refresh();
		}
	}

	@Focus
	public void focus() {
		register.viewer().getControl().setFocus();
	}
}
