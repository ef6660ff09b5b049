package org.outpost.events.ui.internal;

import java.time.LocalDate;

/** The due-date windows the Events register filters by, relative to today. */
enum DueWindow {
	ANY("Any due date", null, null), PAST("Due before today", null, -1), LAST_30("Due in the last 30 days", -30, 0),
	NEXT_7("Due in the next 7 days", 0, 7), NEXT_30("Due in the next 30 days", 0, 30);

	private final String label;
	private final Integer fromDays;
	private final Integer toDays;

	DueWindow(String label, Integer fromDays, Integer toDays) {
		this.label = label;
		this.fromDays = fromDays;
		this.toDays = toDays;
	}

	String label() {
		return label;
	}

	LocalDate from(LocalDate today) {
		return fromDays == null ? null : today.plusDays(fromDays);
	}

	LocalDate to(LocalDate today) {
		return toDays == null ? null : today.plusDays(toDays);
	}
}
