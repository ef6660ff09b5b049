package org.outpost.core.sync;

import java.util.Locale;

/**
 * The sync kinds a user can start (the Sync tab's buttons). Every sync participant belongs to
 * exactly one of EVENTS, ADMIN and DOCUMENTS; FULL is all of them, admin first.
 */
public enum SyncKind {
	FULL("Full"), EVENTS("Events"), ADMIN("Admin"), DOCUMENTS("Documents");

	private final String label;

	SyncKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The kind's name as written in plugin.xml and on the command line: {@code events}. */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** True when a participant of kind {@code participantKind} takes part in a sync of this kind. */
	public boolean includes(SyncKind participantKind) {
		return this == FULL || this == participantKind;
	}

	/**
	 * @throws IllegalArgumentException listing the valid keys when {@code key} is none of them
	 */
	public static SyncKind fromKey(String key) {
		for (SyncKind kind : values()) {
			if (kind.key().equals(key)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Unknown sync kind '" + key + "'; expected one of full, events, admin, documents");
	}
}
