package org.outpost.events;

/** Where an Event is in its life: Tentative, Scheduled, In progress, Completed, Verified. */
public enum EventStatus {
	TENTATIVE("Tentative"), SCHEDULED("Scheduled"), IN_PROGRESS("In progress"), COMPLETED("Completed"), VERIFIED("Verified");

	private final String label;

	EventStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The status after this one, or null for Verified. */
	public EventStatus next() {
		return this == VERIFIED ? null : values()[ordinal() + 1];
	}

	/** True once the work is done: such an event is never overdue. */
	public boolean isDone() {
		return this == COMPLETED || this == VERIFIED;
	}

	/** One step forward, or reopening a Completed event (back to In progress). */
	public boolean canMoveTo(EventStatus target) {
		return target == next() || (this == COMPLETED && target == IN_PROGRESS);
	}
}
