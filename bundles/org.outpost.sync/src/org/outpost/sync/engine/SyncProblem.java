package org.outpost.sync.engine;

import org.outpost.sync.history.SyncOutcome;

/**
 * Why a sync could not go on, with the outcome it ends in and a message for the user. Nothing the
 * user saved is lost by any of them: the outbox keeps every change until the server acknowledges it.
 */
public final class SyncProblem extends Exception {

	private static final long serialVersionUID = 1L;

	/** What kind of problem: decides what the user is asked to do. */
	public enum Kind {
		/** The server cannot be reached: a state, not an error. */
		OFFLINE(SyncOutcome.OFFLINE),
		/** There is no valid token: the user must log in. */
		LOGIN_NEEDED(SyncOutcome.REFUSED),
		/** The versions are too far apart: no data moved. */
		VERSION_BLOCKED(SyncOutcome.REFUSED),
		/** The server answered with an error. */
		SERVER_ERROR(SyncOutcome.FAILED),
		/**
		 * A login to another server or as another user while this device holds changes not yet sent,
		 * or conflicts not yet resolved, for the one its data came from: they must be synced first.
		 */
		UNSENT_CHANGES(SyncOutcome.REFUSED),
		/** A login to another server or as another user replaces the local data: the user must agree first. */
		LOCAL_DATA_RESET_NEEDED(SyncOutcome.REFUSED);

		private final SyncOutcome outcome;

		Kind(SyncOutcome outcome) {
			this.outcome = outcome;
		}

		public SyncOutcome outcome() {
			return outcome;
		}
	}

	private final Kind kind;
	private final String serverCode;

	public SyncProblem(Kind kind, String message) {
		this(kind, message, (String) null);
	}

	/** @param serverCode the error code the server answered with (docs/protocol.md), or null */
	public SyncProblem(Kind kind, String message, String serverCode) {
		super(message);
		this.kind = kind;
		this.serverCode = serverCode;
	}

	public SyncProblem(Kind kind, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.serverCode = null;
	}

	public Kind kind() {
		return kind;
	}

	/** The server's error code ({@code blob_too_large}, ...), or null when the server did not answer with one. */
	public String serverCode() {
		return serverCode;
	}
}
