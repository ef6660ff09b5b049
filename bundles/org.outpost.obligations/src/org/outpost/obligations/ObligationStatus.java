package org.outpost.obligations;

/** How far the organisation complies with an Obligation. */
public enum ObligationStatus {
	PENDING_REVIEW("Pending review"), COMPLIANT("Compliant"), PARTIALLY_COMPLIANT("Partially compliant"), NON_COMPLIANT("Non-compliant");

	private final String label;

	ObligationStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
