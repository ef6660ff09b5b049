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
}
