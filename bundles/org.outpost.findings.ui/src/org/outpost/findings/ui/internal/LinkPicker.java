package org.outpost.findings.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Text;
import org.outpost.findings.Action;
import org.outpost.findings.ActionTargets;
import org.outpost.findings.ActionTargets.Target;
import org.outpost.persistence.LocalDatabase;

/**
 * What an Action is linked to: standalone, or a finding, an event or an obligation found by typing
 * part of its description, title or topic (the first matches are offered, not a list of every record).
 */
final class LinkPicker {

	/** Standalone, or the kind of record an action fixes. */
	enum Kind {
		STANDALONE("Standalone", null), FINDING("Finding", ActionTargets.Kind.FINDING), EVENT("Event", ActionTargets.Kind.EVENT),
		OBLIGATION("Obligation", ActionTargets.Kind.OBLIGATION);

		final String label;
		final ActionTargets.Kind targets;

		Kind(String label, ActionTargets.Kind targets) {
			this.label = label;
			this.targets = targets;
		}
	}

	private static final int MATCHES = 50;

	private final LocalDatabase database;
	final Combo kind;
	final Text search;
	final Combo target;
	private List<Target> offered = List.of();

	LinkPicker(Composite parent, LocalDatabase database, Runnable onChange) {
		this.database = database;
		Composite row = new Composite(parent, SWT.NONE);
		GridLayoutFactory.fillDefaults().numColumns(3).applyTo(row);
		GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
		kind = new Combo(row, SWT.READ_ONLY);
		for (Kind k : Kind.values()) {
			kind.add(k.label);
		}
		kind.select(0);
		search = new Text(row, SWT.BORDER | SWT.SEARCH);
		search.setMessage("Type to find");
		GridDataFactory.fillDefaults().hint(110, SWT.DEFAULT).applyTo(search);
		target = new Combo(row, SWT.READ_ONLY);
		GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).applyTo(target);
		kind.addListener(SWT.Selection, e -> {
			search.setText("");
			offer(null);
			onChange.run();
		});
		search.addListener(SWT.Modify, e -> {
			offer(null);
			onChange.run();
		});
		target.addListener(SWT.Selection, e -> onChange.run());
		offer(null);
	}

	/** Shows the action's current link. */
	void show(Action action) {
		Kind current = action.getFindingId() != null ? Kind.FINDING
				: action.getEventId() != null ? Kind.EVENT : action.getObligationId() != null ? Kind.OBLIGATION : Kind.STANDALONE;
		link(current, switch (current) {
		case FINDING -> action.getFindingId();
		case EVENT -> action.getEventId();
		case OBLIGATION -> action.getObligationId();
		case STANDALONE -> null;
		});
	}

	/** Links to the record {@code id} of the kind (null id: standalone). */
	void link(Kind linked, String id) {
		kind.select(id == null ? Kind.STANDALONE.ordinal() : linked.ordinal());
		offer(id);
	}

	Kind chosenKind() {
		return Kind.values()[Math.max(0, kind.getSelectionIndex())];
	}

	/** The chosen record's id, or null (standalone, or nothing chosen yet). */
	String chosenId() {
		int index = target.getSelectionIndex();
		return chosenKind() == Kind.STANDALONE || index < 0 ? null : offered.get(index).id();
	}

	/** What is missing, or null. */
	String problem() {
		return chosenKind() != Kind.STANDALONE && chosenId() == null
				? "Choose the " + chosenKind().label.toLowerCase(Locale.ROOT) + " the action fixes (type part of its name), or make it standalone."
				: null;
	}

	/** Links {@code action} to the chosen record. */
	void apply(Action action) {
		String id = chosenId();
		switch (chosenKind()) {
		case FINDING -> action.fixFinding(id);
		case EVENT -> action.fixEvent(id);
		case OBLIGATION -> action.fixObligation(id);
		case STANDALONE -> action.fixFinding(null);
		}
	}

	private void offer(String keep) {
		Kind chosen = chosenKind();
		search.setEnabled(chosen != Kind.STANDALONE);
		target.setEnabled(chosen != Kind.STANDALONE);
		List<Target> found = new ArrayList<>();
		if (chosen != Kind.STANDALONE) {
			if (keep != null) {
				found.addAll(ActionTargets.withId(database, chosen.targets, keep));
			}
			ActionTargets.matching(database, chosen.targets, search.getText(), MATCHES).stream().filter(t -> !found.contains(t)).forEach(found::add);
		}
		offered = found;
		target.setItems(found.stream().map(t -> shortened(t.label())).toArray(String[]::new));
		if (!found.isEmpty() && (keep != null || found.size() == 1)) {
			target.select(0);
		}
	}

	private static String shortened(String text) {
		return text.length() > 70 ? text.substring(0, 70) + "\u2026" : text;
	}
}
