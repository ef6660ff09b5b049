package org.outpost.admin.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;

/** A read-only combo of {@link Choice}s whose first entry is the empty choice. */
final class ChoiceCombo {

	private final Combo combo;
	private final String emptyText;
	private final List<Choice> choices = new ArrayList<>();

	ChoiceCombo(Composite parent, String emptyText) {
		this.emptyText = Objects.requireNonNull(emptyText, "emptyText");
		combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
		combo.setVisibleItemCount(20);
	}

	Combo combo() {
		return combo;
	}

	/** Replaces the entries, keeping the selected id when it is still among them. */
	void setChoices(List<Choice> newChoices) {
		String selected = selectedId();
		choices.clear();
		choices.add(new Choice(null, emptyText));
		choices.addAll(newChoices);
		combo.setItems(choices.stream().map(Choice::text).toArray(String[]::new));
		select(selected);
	}

	String selectedId() {
		int index = combo.getSelectionIndex();
		return index <= 0 || index >= choices.size() ? null : choices.get(index).id();
	}

	/** Selects the entry with {@code id}; an unknown or null id selects the empty entry. */
	void select(String id) {
		int index = 0;
		for (int i = 1; i < choices.size(); i++) {
			if (choices.get(i).id().equals(id)) {
				index = i;
			}
		}
		combo.select(index);
	}
}
