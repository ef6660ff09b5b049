package org.outpost.sync;

import java.util.List;
import java.util.Optional;

import org.outpost.core.sync.SyncKind;

/** The sync participants contributed by the installed modules (an OSGi service). */
public interface SyncParticipants {

	/** Every valid participant: admin first, then events, then documents; by order within a kind. */
	List<SyncParticipantDescriptor> all();

	/** The participants a sync of {@code kind} runs, in run order. */
	default List<SyncParticipantDescriptor> of(SyncKind kind) {
		return all().stream().filter(p -> kind.includes(p.kind())).toList();
	}

	Optional<SyncParticipantDescriptor> find(String id);
}
