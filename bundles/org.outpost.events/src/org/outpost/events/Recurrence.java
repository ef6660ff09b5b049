package org.outpost.events;

import java.time.LocalDate;

/** How often an Event comes back once completed. */
public enum Recurrence {
	NONE("Does not repeat"), WEEKLY("Weekly"), MONTHLY("Monthly"), QUARTERLY("Quarterly"), YEARLY("Yearly");

	private final String label;

	Recurrence(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The next due date after {@code due}, or null when the event does not repeat. */
	public LocalDate next(LocalDate due) {
		return switch (this) {
		case NONE -> null;
		case WEEKLY -> due.plusWeeks(1);
		case MONTHLY -> due.plusMonths(1);
		case QUARTERLY -> due.plusMonths(3);
		case YEARLY -> due.plusYears(1);
		};
	}
}
