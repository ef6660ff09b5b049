package org.outpost.findings;

/** Where an Action is: Pending, In progress, Complete, Verified. */
public enum ActionStatus {
	PENDING("Pending"), IN_PROGRESS("In progress"), COMPLETE("Complete"), VERIFIED("Verified");

	private final String label;

	ActionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
