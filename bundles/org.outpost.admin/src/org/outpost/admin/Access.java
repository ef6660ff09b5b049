package org.outpost.admin;

import java.util.Objects;

/**
 * Whether the signed-in user may do something, and if not, why, in words the user can act on:
 * shown beside a read-only editor and as the tooltip of a disabled command.
 */
public record Access(boolean allowed, String reason) {

	private static final Access GRANTED = new Access(true, "");

	public Access {
		Objects.requireNonNull(reason, "reason");
		if (!allowed && reason.isBlank()) {
			throw new IllegalArgumentException("A refusal needs a reason");
		}
	}

	public static Access granted() {
		return GRANTED;
	}

	public static Access denied(String reason) {
		return new Access(false, reason);
	}
}
