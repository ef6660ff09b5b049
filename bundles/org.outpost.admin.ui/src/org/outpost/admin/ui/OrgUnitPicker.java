package org.outpost.admin.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.outpost.admin.OrgUnitTree;

/**
 * Picks an org unit from the hierarchy, shown indented under its parent. Used by every editor
 * and register filter that names an org unit.
 */
public final class OrgUnitPicker {

	private final ChoiceCombo choices;
	private OrgUnitTree tree;

	/** @param emptyText the entry meaning "none chosen", e.g. "Any org unit" in a filter */
	public OrgUnitPicker(Composite parent, OrgUnitTree tree, String emptyText) {
		choices = new ChoiceCombo(parent, emptyText);
		setTree(tree);
	}

	public void setTree(OrgUnitTree newTree) {
		this.tree = newTree;
		choices.setChoices(newTree.nodes().stream().map(n -> new Choice(n.unit().getId(), "    ".repeat(n.depth()) + n.unit().getName(), n.unit().getName())).toList());
	}

	/** The chosen unit's id, or null. */
	public String selectedId() {
		return choices.selectedId();
	}

	public void select(String orgUnitId) {
		choices.select(orgUnitId);
	}

	/** Selects the unit; one not offered (any more) stays chosen, shown as {@code textWhenNotOffered}. */
	public void selectKeeping(String orgUnitId, String textWhenNotOffered) {
		choices.selectKeeping(orgUnitId, textWhenNotOffered);
	}

	/** Runs {@code listener} whenever the user picks another unit. */
	public void onChange(Runnable listener) {
		choices.combo().addListener(SWT.Selection, e -> listener.run());
	}

	public OrgUnitTree tree() {
		return tree;
	}

	public Combo control() {
		return choices.combo();
	}
}
