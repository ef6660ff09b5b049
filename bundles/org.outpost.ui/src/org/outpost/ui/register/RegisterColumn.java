package org.outpost.ui.register;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a register: its title, its initial width in pixels, how a row shows in it and,
 * when the column can be sorted, the record attribute the database sorts by.
 *
 * @param sortKey the attribute to sort by when the header is clicked, or null for a column that does not sort
 */
public record RegisterColumn<T>(String title, int width, Function<? super T, String> text, String sortKey) {

	public RegisterColumn {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(text, "text");
		if (width <= 0) {
			throw new IllegalArgumentException("A column needs a positive width: " + width);
		}
	}

	/** A column that does not sort. */
	public RegisterColumn(String title, int width, Function<? super T, String> text) {
		this(title, width, text, null);
	}

	/** The cell text, never null: a missing value shows as an empty cell. */
	public String textOf(T row) {
		String value = text.apply(row);
		return value == null ? "" : value;
	}
}
