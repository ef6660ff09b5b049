package org.outpost.persistence;

/**
 * The local database could not be opened; the message says why and what to do, e.g. that
 * another Outpost program (the desktop, or an {@code outpost} command) has it open.
 */
public final class LocalDatabaseUnavailable extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public LocalDatabaseUnavailable(String message, Throwable cause) {
		super(message, cause);
	}
}
