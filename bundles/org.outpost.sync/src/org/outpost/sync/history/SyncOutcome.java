package org.outpost.sync.history;

/** How a sync run ended. */
public enum SyncOutcome {
	/** Everything was sent and received. */
	SUCCEEDED("Succeeded"),
	/**
	 * It ran to the end, but some changes were rejected or conflicted, or some files could not be
	 * sent or fetched: the user has something to look at.
	 */
	NEEDS_ATTENTION("Needs attention"),
	/** The server could not be reached: the device is offline; nothing is lost. */
	OFFLINE("Offline"),
	/** The server refused this version or these credentials: no data moved. */
	REFUSED("Refused"),
	/** The user cancelled it; it resumes where it stopped. */
	CANCELLED("Cancelled"),
	/** It broke off with an error; it resumes where it stopped. */
	FAILED("Failed");

	private final String label;

	SyncOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
