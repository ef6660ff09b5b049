package org.outpost.sync.engine;

import java.util.List;
import java.util.Objects;

import org.outpost.core.sync.SyncKind;
import org.outpost.sync.SyncParticipantDescriptor;
import org.outpost.sync.SyncParticipants;

/**
 * What to sync: a kind (the Sync tab's buttons) or one participant (a register's button), and
 * what started it.
 *
 * @param participantId null for a whole kind
 * @param trigger manual, automatic, initial or command line: shown in the History
 */
public record SyncRequest(SyncKind kind, String participantId, String trigger) {

	public static final String MANUAL = "manual";
	public static final String AUTOMATIC = "automatic";
	public static final String INITIAL = "initial";
	public static final String COMMAND_LINE = "command line";

	public SyncRequest {
		Objects.requireNonNull(trigger, "trigger");
		if ((kind == null) == (participantId == null)) {
			throw new IllegalArgumentException("Sync either a kind or one participant");
		}
	}

	public static SyncRequest of(SyncKind kind, String trigger) {
		return new SyncRequest(kind, null, trigger);
	}

	public static SyncRequest participant(String id, String trigger) {
		return new SyncRequest(null, id, trigger);
	}

	/** How the History names it: the kind's key or the participant id. */
	public String label() {
		return kind != null ? kind.key() : participantId;
	}

	/** The participants this request runs, in run order (admin first). */
	List<SyncParticipantDescriptor> participants(SyncParticipants installed) {
		return kind != null ? installed.of(kind) : installed.find(participantId).map(List::of).orElse(List.of());
	}
}
