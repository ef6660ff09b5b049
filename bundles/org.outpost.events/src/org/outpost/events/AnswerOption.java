package org.outpost.events;

import java.util.Objects;

/** One possible answer to a question and the score it earns (0 for "No", say). */
public record AnswerOption(String label, int score) {

	public AnswerOption {
		Objects.requireNonNull(label, "label");
		if (label.isBlank()) {
			throw new IllegalArgumentException("An answer needs a label");
		}
		if (score < 0) {
			throw new IllegalArgumentException("An answer's score is 0 or more: " + label + " = " + score);
		}
		label = label.strip();
	}
}
