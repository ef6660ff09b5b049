package org.outpost.sync.engine;

import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.outpost.core.record.Syncable;
import org.outpost.core.record.SyncedRecord;
import org.outpost.sync.SyncParticipantDescriptor;

/**
 * The record types the installed participants sync, by wire name: which class holds them and
 * which participant files their scope. A wire type no participant knows is skipped on pull.
 */
final class RecordTypeIndex {

	/** One synced record type. */
	record Entry(String wireType, Class<? extends SyncedRecord> type, SyncParticipantDescriptor participant) {

		/** A new, empty record of this type, as JPA would make it. */
		SyncedRecord newRecord() {
			try {
				Constructor<? extends SyncedRecord> constructor = type.getDeclaredConstructor();
				constructor.setAccessible(true);
				return constructor.newInstance();
			} catch (ReflectiveOperationException e) {
				throw new IllegalStateException(type.getName() + " needs a no-argument constructor, as every entity has", e);
			}
		}
	}

	private final Map<String, Entry> byWireType = new LinkedHashMap<>();

	RecordTypeIndex(List<SyncParticipantDescriptor> participants) {
		for (SyncParticipantDescriptor participant : participants) {
			for (Class<? extends SyncedRecord> type : participant.participant().recordTypes()) {
				Entry probe = new Entry(null, type, participant);
				if (probe.newRecord() instanceof Syncable syncable) {
					byWireType.putIfAbsent(syncable.wireType(), new Entry(syncable.wireType(), type, participant));
				}
			}
		}
	}

	/** Every synced entity class. */
	List<Class<? extends SyncedRecord>> types() {
		return byWireType.values().stream().<Class<? extends SyncedRecord>>map(Entry::type).toList();
	}

	Optional<Entry> find(String wireType) {
		return Optional.ofNullable(byWireType.get(wireType));
	}

	/** The wire types a participant syncs, parents first. */
	List<String> wireTypesOf(SyncParticipantDescriptor participant) {
		return wireTypesOfCategory(participant.id());
	}

	/** The wire types of a sync category, which is the id of the participant that syncs it. */
	List<String> wireTypesOfCategory(String category) {
		return byWireType.values().stream().filter(e -> e.participant().id().equals(category)).map(Entry::wireType).toList();
	}
}
