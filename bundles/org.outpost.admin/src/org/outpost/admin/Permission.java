package org.outpost.admin;

import java.util.Locale;

/** What a role may do in one module. */
public enum Permission {
	VIEW("View"), CREATE("Create"), EDIT("Edit"), DELETE("Delete"), SYNC_TO_DEVICE("Sync to device"),
	CHANGE_PERFORMED_DATE("Change performed date");

	private final String label;

	Permission(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** How a role stores this permission for {@code module}: {@code events.edit}. */
	public String keyIn(String module) {
		if (module == null || !module.matches("[a-z][a-z0-9_]*")) {
			throw new IllegalArgumentException("A module key is lower-case letters, digits and '_': '" + module + "'");
		}
		return module + "." + name().toLowerCase(Locale.ROOT);
	}
}
