package org.outpost.ui.register;

import java.util.Objects;
import java.util.function.Function;

/**
 * One column of a register: its title, its initial width in pixels and how a row shows in it.
 */
public record RegisterColumn<T>(String title, int width, Function<? super T, String> text) {

	public RegisterColumn {
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(text, "text");
		if (width <= 0) {
			throw new IllegalArgumentException("A column needs a positive width: " + width);
		}
	}

	/** The cell text, never null: a missing value shows as an empty cell. */
	public String textOf(T row) {
		String value = text.apply(row);
		return value == null ? "" : value;
	}
}
