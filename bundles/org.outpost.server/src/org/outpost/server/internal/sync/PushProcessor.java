package org.outpost.server.internal.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.Messages.FieldChange;
import org.outpost.protocol.Messages.FieldConflict;
import org.outpost.protocol.Messages.Mutation;
import org.outpost.protocol.Messages.MutationResult;
import org.outpost.protocol.Messages.Operation;
import org.outpost.protocol.Messages.PushRequest;
import org.outpost.protocol.ProtocolException;
import org.outpost.protocol.RecordTypes;
import org.outpost.protocol.RecordTypes.RecordType;
import org.outpost.server.internal.store.MutationLogEntry;
import org.outpost.server.internal.store.RecordRows;
import org.outpost.server.internal.store.ScopeColumns;
import org.outpost.server.internal.store.ScopeMove;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.store.ServerStore.Revisions;
import org.outpost.server.internal.store.StoredRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;

/**
 * The push side of sync (DESIGN.md §3 Push). The whole batch is checked first: a malformed
 * mutation fails the request and nothing is written. Then, in the caller's ONE transaction, each
 * mutation is answered: a mutation id seen before gets its first answer again; a change the user
 * may not make is rejected with the reason (and nothing of it written); otherwise each changed
 * field applies when the server's value still equals the base value, and is a conflict (the
 * server keeps its value) when not.
 */
public final class PushProcessor {

	private PushProcessor() {
	}

	/** Throws {@link ProtocolException} for the first mutation that is not well-formed. */
	public static void check(PushRequest request) {
		for (Mutation mutation : request.mutations()) {
			uuid(mutation.mutationId(), "mutationId");
			uuid(mutation.recordId(), "recordId");
			if (RecordTypes.find(mutation.type()).isEmpty()) {
				throw new ProtocolException(ErrorCode.UNKNOWN_RECORD_TYPE, "The record type '" + mutation.type() + "' is unknown; known: "
						+ String.join(", ", RecordTypes.all().stream().map(RecordType::name).toList()));
			}
			int size = 0;
			for (Map.Entry<String, FieldChange> field : mutation.fields().entrySet()) {
				RecordFields.check(field.getKey(), field.getValue().value());
				size += field.getKey().length() + JsonCodec.toText(field.getValue().value()).length();
			}
			if (size > StoredRecord.MAX_BODY) {
				throw new ProtocolException(ErrorCode.BODY_TOO_LARGE,
						"The mutation " + mutation.mutationId() + " changes more than " + StoredRecord.MAX_BODY + " characters of fields");
			}
		}
	}

	/**
	 * Answers each mutation. First, without holding anything but the rows of the records the batch
	 * touches and of the documents attached to them (locked before they are read, so conflict
	 * detection sees their last committed state and no one changes them meanwhile), every mutation
	 * is decided and applied in memory. Only then are the sequence numbers the batch needs taken
	 * from the change counter, whose lock the caller's transaction holds from there to its commit:
	 * the counter is held for the writes and the commit, not for the reading and deciding. The
	 * records and the log go out as JDBC batches ({@link RecordRows}), the rest through the caller's
	 * entity manager at its commit.
	 */
	public static List<MutationResult> apply(EntityManager em, UserScope user, PushRequest request, LocalDate today) {
		// nothing reaches the database before the counter is taken: the writes go out at commit, in JDBC batches
		em.setFlushMode(FlushModeType.COMMIT);
		Batch batch = new Batch(em, user.user(), new ScopeRules(user, DeviceScope.DEFAULT, Set.of(), today));
		List<String> mutationIds = request.mutations().stream().map(Mutation::mutationId).distinct().toList();
		List<String> recordIds = request.mutations().stream().map(Mutation::recordId).distinct().toList();
		Set<String> locked = Set.of();
		Map<String, MutationLogEntry> log = Map.of();
		if (!mutationIds.isEmpty()) {
			Set<String> owners = new HashSet<>();
			for (Mutation mutation : request.mutations()) {
				FieldChange ownerId = mutation.fields().get(AttachmentScope.OWNER_ID);
				AttachmentScope.attachingTo(mutation.type(), ownerId == null ? null : ownerId.value()).ifPresent(owners::add);
			}
			locked = AttachmentScope.withAttachedDocuments(em, recordIds, owners);
			Map<String, StoredRecord> read = RecordRows.lockAndRead(em, locked);
			recordIds.stream().filter(read::containsKey).forEach(id -> batch.touched.put(id, read.get(id)));
			log = RecordRows.logged(em, mutationIds);
		}
		List<Object> decisions = new ArrayList<>();
		Set<String> decided = new HashSet<>();
		for (Mutation mutation : request.mutations()) {
			MutationLogEntry logged = log.get(mutation.mutationId());
			if (!decided.add(mutation.mutationId())) {
				decisions.add(new Repeated(mutation.mutationId()));
			} else if (logged != null) {
				decisions.add(new Repeated(mutation.mutationId()));
				batch.answered.put(mutation.mutationId(), logged.getUserName().equals(user.user())
						? JsonCodec.mutationResult(JsonCodec.parseObject(logged.getResult()))
						: MutationResult.rejected(mutation.mutationId(), "This mutation id was already used by another user"));
			} else {
				decisions.add(batch.decide(mutation));
			}
		}

		List<StoredRecord> moved = decisions.stream().filter(decision -> decision instanceof Change change && change.applies()
				&& (change.created() || change.before() != null && !change.before().equals(ScopeColumns.of(change.record()))))
				.map(decision -> ((Change) decision).record()).toList();
		Map<StoredRecord, ScopeColumns> documentsMoved = AttachmentScope.refileAttached(em, moved, batch.touched.keySet(), locked);
		int changes = (int) decisions.stream().filter(decision -> decision instanceof Change change && change.applies()).count() + documentsMoved.size();
		Revisions revisions = changes == 0 ? null : ServerStore.takeRevisions(em, changes);
		List<MutationResult> results = new ArrayList<>();
		List<MutationLogEntry> answers = new ArrayList<>();
		long now = System.currentTimeMillis();
		for (int i = 0; i < decisions.size(); i++) {
			Object decision = decisions.get(i);
			if (decision instanceof Repeated repeated) {
				results.add(batch.answered.get(repeated.mutationId()));
				continue;
			}
			MutationResult result = decision instanceof Change change ? batch.stamp(change, revisions, now) : (MutationResult) decision;
			answers.add(new MutationLogEntry(result.mutationId(), user.user(), request.mutations().get(i).recordId(), JsonCodec.toText(result), now));
			batch.answered.put(result.mutationId(), result);
			results.add(result);
		}
		RecordRows.write(em, batch.inserts.values(), batch.updates.values(), answers);
		documentsMoved.forEach((document, before) -> {
			long rev = revisions.next();
			document.changed(rev, now, user.user());
			em.persist(new ScopeMove(rev, document, before));
		});
		return results;
	}

	/** A mutation id answered before: in the log, or earlier in the same batch. */
	private record Repeated(String mutationId) {
	}

	/**
	 * A mutation decided and applied to its record in memory, waiting for its sequence number.
	 *
	 * @param applies something changed (it takes a sequence number); false: only conflicts
	 * @param before the record's scope columns before the change; null for a create
	 * @param exact the record is now its previous state with the mutation's values, nothing else (the
	 *        answer then says the previous revision, so the device knows it holds the new one)
	 */
	private record Change(Mutation mutation, StoredRecord record, boolean created, boolean applies, ScopeColumns before,
			Map<String, FieldConflict> conflicts, boolean exact) {
	}

	/** One push's state: its answers so far and its records, read up front or created (an id may come twice in a batch). */
	private static final class Batch {
		private final EntityManager em;
		private final String userName;
		private final ScopeRules rules;
		private final Map<String, MutationResult> answered = new HashMap<>();
		private final Map<String, StoredRecord> touched = new HashMap<>();
		/** What {@link RecordRows#write} inserts and updates, by id (a record changed twice in a batch is written once). */
		private final Map<String, StoredRecord> inserts = new LinkedHashMap<>();
		private final Map<String, StoredRecord> updates = new LinkedHashMap<>();

		Batch(EntityManager em, String userName, ScopeRules rules) {
			this.em = em;
			this.userName = userName;
			this.rules = rules;
		}

		/** The mutation's answer when it is rejected, else its {@link Change}, applied to the record in memory. */
		Object decide(Mutation mutation) {
			RecordType type = RecordTypes.find(mutation.type()).orElseThrow();
			// every record of the batch that exists was read up front, its row locked; a create of the same id elsewhere fails one commit, which is tried again
			StoredRecord record = touched.get(mutation.recordId());
			if (record != null && !record.getType().equals(type.name())) {
				return MutationResult.rejected(mutation.mutationId(), "The record " + mutation.recordId() + " is a " + record.getType() + ", not a " + type.name());
			}
			boolean exists = record != null && !record.isTombstone();
			if (mutation.operation() == Operation.CREATE && record != null && !exists) {
				return MutationResult.rejected(mutation.mutationId(), "The record " + mutation.recordId() + " was deleted");
			}
			if (mutation.operation() == Operation.CREATE && record != null) {
				return createOfExisting(mutation, type, record);
			}
			if (mutation.operation() != Operation.CREATE && !exists) {
				return MutationResult.rejected(mutation.mutationId(), "The record " + mutation.recordId() + " does not exist or was deleted");
			}
			String orgUnitBefore = record == null ? null : record.getOrgUnit();
			FieldChange newOrgUnit = mutation.fields().get("orgUnit");
			String orgUnitAfter = newOrgUnit != null ? (newOrgUnit.value().isNull() ? null : newOrgUnit.value().asText()) : orgUnitBefore;
			Optional<String> refusal = rules.refusal(type, mutation.operation(), orgUnitBefore, orgUnitAfter)
					.or(() -> BlobReferences.pushRefusal(em, type, mutation.fields()));
			if (refusal.isPresent()) {
				return MutationResult.rejected(mutation.mutationId(), refusal.get());
			}

			if (mutation.operation() == Operation.CREATE) {
				StoredRecord created = new StoredRecord(type.name(), mutation.recordId());
				Map<String, JsonNode> values = new LinkedHashMap<>();
				mutation.fields().forEach((name, change) -> values.put(name, change.value()));
				if (!RecordEditor.apply(created, values)) {
					return tooLarge(mutation);
				}
				boolean exact = fileUnchanged(created);
				touched.put(created.getId(), created);
				return new Change(mutation, created, true, true, null, Map.of(), exact);
			}
			if (mutation.operation() == Operation.DELETE) {
				record.setTombstone(true);
				return new Change(mutation, record, false, true, null, Map.of(), true);
			}

			ObjectNode body = JsonCodec.parseObject(record.getBody());
			Map<String, JsonNode> applying = new LinkedHashMap<>();
			Map<String, FieldConflict> conflicts = new LinkedHashMap<>();
			for (Map.Entry<String, FieldChange> field : mutation.fields().entrySet()) {
				JsonNode current = RecordFields.get(record, body, field.getKey());
				FieldChange change = field.getValue();
				if (RecordFields.same(current, change.base())) {
					applying.put(field.getKey(), change.value());
				} else if (!RecordFields.same(current, change.value())) {
					conflicts.put(field.getKey(), new FieldConflict(current, change.base(), change.value()));
				}
			}
			ScopeColumns before = ScopeColumns.of(record);
			// the body parsed once: read above, written here
			if (!applying.isEmpty() && !RecordEditor.apply(record, body, applying)) {
				return tooLarge(mutation);
			}
			boolean exact = fileUnchanged(record) && conflicts.isEmpty();
			return new Change(mutation, record, false, !applying.isEmpty(), before, conflicts, exact);
		}

		/** Files a document under its record's scope; true when that changed none of the columns the device sent. */
		private boolean fileUnchanged(StoredRecord record) {
			ScopeColumns sent = ScopeColumns.of(record);
			AttachmentScope.file(em, record, touched);
			return sent.equals(ScopeColumns.of(record));
		}

		/**
		 * A create of a record that exists: two devices made the same record (both completed the same
		 * recurring event, whose next occurrence's id derives from it). Fields equal to the server's
		 * change nothing; a different one is a conflict (no base: neither side edited the other's), so
		 * the second device converges instead of holding a rejected change.
		 */
		private Object createOfExisting(Mutation mutation, RecordType type, StoredRecord record) {
			FieldChange newOrgUnit = mutation.fields().get("orgUnit");
			String orgUnit = newOrgUnit == null || newOrgUnit.value().isNull() ? record.getOrgUnit() : newOrgUnit.value().asText();
			Optional<String> refusal = rules.refusal(type, Operation.CREATE, record.getOrgUnit(), orgUnit);
			if (refusal.isPresent()) {
				return MutationResult.rejected(mutation.mutationId(), refusal.get());
			}
			ObjectNode body = JsonCodec.parseObject(record.getBody());
			Map<String, FieldConflict> conflicts = new LinkedHashMap<>();
			for (Map.Entry<String, FieldChange> field : mutation.fields().entrySet()) {
				JsonNode current = RecordFields.get(record, body, field.getKey());
				if (!RecordFields.same(current, field.getValue().value())) {
					conflicts.put(field.getKey(), new FieldConflict(current, NullNode.getInstance(), field.getValue().value()));
				}
			}
			return new Change(mutation, record, false, false, null, conflicts, false);
		}

		/** Gives a decided change its sequence number (when it changed anything) and answers it. */
		MutationResult stamp(Change change, Revisions revisions, long now) {
			StoredRecord record = change.record();
			long previous = record.getRev();
			if (change.applies()) {
				long rev = revisions.next();
				record.changed(rev, now, userName);
				(change.created() || inserts.containsKey(record.getId()) ? inserts : updates).put(record.getId(), record);
				if (change.before() != null && !change.before().equals(ScopeColumns.of(record))) {
					em.persist(new ScopeMove(rev, record, change.before()));
				}
			}
			if (!change.conflicts().isEmpty()) {
				return MutationResult.conflict(change.mutation().mutationId(), record.getRev(), change.conflicts());
			}
			return change.exact() ? MutationResult.applied(change.mutation().mutationId(), record.getRev(), previous)
					: MutationResult.applied(change.mutation().mutationId(), record.getRev());
		}
	}

	private static MutationResult tooLarge(Mutation mutation) {
		return MutationResult.rejected(mutation.mutationId(), "The record would be larger than " + StoredRecord.MAX_BODY + " characters");
	}

	private static void uuid(String text, String field) {
		try {
			if (UUID.fromString(text).toString().equals(text.toLowerCase(Locale.ROOT))) {
				return;
			}
		} catch (IllegalArgumentException e) {
			// refused below
		}
		throw new ProtocolException(ErrorCode.INVALID_REQUEST, "The field '" + field + "' must be a UUID, not '" + text + "'");
	}
}
