package org.outpost.sync.outbox;

/** What a local change did to its record. */
public enum Operation {
	CREATE("Create"), UPDATE("Update"), DELETE("Delete");

	private final String label;

	Operation(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
