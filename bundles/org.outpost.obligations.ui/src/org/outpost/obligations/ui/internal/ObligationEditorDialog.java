package org.outpost.obligations.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.outpost.obligations.Obligation;
import org.outpost.obligations.ObligationStatus;
import org.outpost.obligations.Obligations;
import org.outpost.persistence.LocalDatabase;
import org.outpost.sync.outbox.LocalChanges;
import org.outpost.ui.editor.RecordEditorDialog;

/** Creates or edits an Obligation: topic, type, authority, risk score, status and sources. */
final class ObligationEditorDialog extends RecordEditorDialog {

	private final LocalDatabase database;
	private final Obligation original;

	Text topic;
	Text type;
	Text authority;
	Spinner riskScore;
	Combo status;
	Text sources;

	ObligationEditorDialog(Shell parent, LocalDatabase database, String obligationId, String readOnlyReason) {
		super(parent, obligationId == null ? "New obligation" : "Obligation", readOnlyReason);
		this.database = database;
		this.original = obligationId == null ? null : Obligations.find(database, obligationId);
	}

	@Override
	protected void createFields(Composite grid) {
		label(grid, "Topic");
		topic = text(grid);
		label(grid, "Type");
		type = text(grid);
		label(grid, "Authority");
		authority = text(grid);
		label(grid, "Risk score (1-25)");
		riskScore = new Spinner(grid, SWT.BORDER);
		riskScore.setValues(1, 1, 25, 0, 1, 5);
		label(grid, "Status");
		status = new Combo(grid, SWT.READ_ONLY);
		for (ObligationStatus s : ObligationStatus.values()) {
			status.add(s.label());
		}
		status.select(0);
		label(grid, "Sources (one per line)");
		sources = new Text(grid, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
		GridDataFactory.fillDefaults().grab(true, false).hint(360, 70).applyTo(sources);
		if (original != null) {
			topic.setText(original.getTopic());
			type.setText(original.getType() == null ? "" : original.getType());
			authority.setText(original.getAuthority() == null ? "" : original.getAuthority());
			riskScore.setSelection(original.getRiskScore());
			status.select(original.getStatus().ordinal());
			sources.setText(String.join("\n", original.getSources()));
			addSections(grid, original.wireType(), original.getId()); // e.g. its actions, from the Findings module
		}
		topic.addListener(SWT.Modify, e -> changed());
	}

	private static Text text(Composite grid) {
		Text text = new Text(grid, SWT.BORDER);
		GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(text);
		return text;
	}

	@Override
	protected List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (topic.getText().isBlank()) {
			problems.add("Name the obligation's topic.");
		}
		return problems;
	}

	@Override
	protected void save() {
		LocalChanges changes = new LocalChanges(database);
		if (original == null) {
			Obligation obligation = new Obligation(topic.getText());
			apply(obligation);
			changes.create(obligation);
		} else {
			changes.edit(Obligation.class, original.getId(), o -> {
				o.setTopic(topic.getText());
				apply(o);
			});
		}
	}

	private void apply(Obligation obligation) {
		obligation.setType(type.getText().isBlank() ? null : type.getText().strip());
		obligation.setAuthority(authority.getText().isBlank() ? null : authority.getText().strip());
		obligation.setRiskScore(riskScore.getSelection());
		obligation.setStatus(ObligationStatus.values()[status.getSelectionIndex()]);
		obligation.setSources(List.of(sources.getText().split("\\R")));
	}
}
