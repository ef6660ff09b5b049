package org.outpost.admin.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;

/**
 * A read-only combo of {@link Choice}s whose first entry is the empty choice. The chosen entry
 * shows its closed text (a read-only combo shows the chosen item's text as it is in the list).
 */
final class ChoiceCombo {

	private final Combo combo;
	private final String emptyText;
	private final List<Choice> choices = new ArrayList<>();
	/** The entry whose item shows its closed text, or -1. */
	private int shownClosed = -1;

	ChoiceCombo(Composite parent, String emptyText) {
		this.emptyText = Objects.requireNonNull(emptyText, "emptyText");
		combo = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
		combo.setVisibleItemCount(20);
		// added first, so the pickers' listeners already see the closed text
		combo.addListener(SWT.Selection, e -> showClosed(combo.getSelectionIndex()));
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
		shownClosed = -1;
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
		showClosed(index);
	}

	/**
	 * Selects the entry with {@code id}; one that is not offered (any more) is kept as an entry of
	 * its own with {@code textWhenNotOffered}, so that saving does not drop it.
	 */
	void selectKeeping(String id, String textWhenNotOffered) {
		if (id != null && choices.stream().noneMatch(choice -> id.equals(choice.id()))) {
			choices.add(new Choice(id, textWhenNotOffered));
			combo.add(textWhenNotOffered);
		}
		select(id);
	}

	private void showClosed(int index) {
		if (index == shownClosed) {
			return;
		}
		if (shownClosed >= 0 && shownClosed < choices.size()) {
			combo.setItem(shownClosed, choices.get(shownClosed).text());
		}
		if (index >= 0 && index < choices.size()) {
			combo.setItem(index, choices.get(index).closedText());
			combo.select(index);
		}
		shownClosed = index;
	}
}
