package org.outpost.sync;

import java.util.Objects;

import org.outpost.core.sync.SyncKind;
import org.outpost.core.sync.SyncParticipant;

/**
 * A sync participant as declared in a module's plugin.xml, with its created implementation.
 *
 * @param iconUri a {@code platform:/plugin/...} URI of the button icon, or null
 * @param contributor symbolic name of the contributing bundle
 */
public record SyncParticipantDescriptor(String id, String label, String iconUri, SyncKind kind, int order, String contributor,
		SyncParticipant participant) {

	public SyncParticipantDescriptor {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(contributor, "contributor");
		Objects.requireNonNull(participant, "participant");
		if (kind == SyncKind.FULL) {
			throw new IllegalArgumentException("A participant belongs to events, admin or documents, not full");
		}
	}
}
