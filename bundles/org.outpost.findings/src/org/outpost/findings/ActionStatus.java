package org.outpost.findings;

/** Where an Action is: Pending, In progress, Complete, Verified; a done action can be reopened. */
public enum ActionStatus {
	PENDING("Pending"), IN_PROGRESS("In progress"), COMPLETE("Complete"), VERIFIED("Verified");

	private final String label;

	ActionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Pending and In progress actions are open: they block verifying their Event. */
	public boolean isOpen() {
		return this == PENDING || this == IN_PROGRESS;
	}

	/** One step forward, or reopening (Complete or Verified back to In progress). */
	public boolean canMoveTo(ActionStatus target) {
		return target.ordinal() == ordinal() + 1 || (!isOpen() && target == IN_PROGRESS);
	}
}
