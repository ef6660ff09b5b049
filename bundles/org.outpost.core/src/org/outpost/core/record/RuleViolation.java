package org.outpost.core.record;

import java.util.List;

/**
 * A change refused by a business rule. Each problem says what to fix, so an editor can show
 * them as they are.
 */
public final class RuleViolation extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	public RuleViolation(List<String> problems) {
		super(String.join(" ", problems));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("A rule violation names at least one problem");
		}
		this.problems = List.copyOf(problems);
	}

	/** Throws when {@code problems} is not empty. */
	public static void check(List<String> problems) {
		if (!problems.isEmpty()) {
			throw new RuleViolation(problems);
		}
	}

	public List<String> problems() {
		return problems;
	}
}
