package org.outpost.events;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A question of a Form with its possible answers. The id stays fixed when the wording changes, so
 * the answers of existing Events still match.
 */
public record Question(String id, String text, List<AnswerOption> options) {

	public Question {
		Objects.requireNonNull(id, "id");
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("A question needs a text");
		}
		options = List.copyOf(options);
		if (options.isEmpty()) {
			throw new IllegalArgumentException("The question '" + text + "' needs at least one possible answer");
		}
		Set<String> labels = new HashSet<>();
		for (AnswerOption option : options) {
			if (!labels.add(option.label())) {
				throw new IllegalArgumentException("The question '" + text + "' offers the answer '" + option.label() + "' twice");
			}
		}
		text = text.strip();
	}

	/** The best score this question can earn. */
	public int maxScore() {
		return options.stream().mapToInt(AnswerOption::score).max().orElse(0);
	}

	public Optional<AnswerOption> option(String label) {
		return options.stream().filter(o -> o.label().equals(label)).findFirst();
	}
}
