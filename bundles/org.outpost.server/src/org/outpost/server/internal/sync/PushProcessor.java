package org.outpost.server.internal.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.outpost.server.internal.store.ServerStore.Revisions;
import org.outpost.server.internal.store.StoredRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.persistence.EntityManager;

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

	/** Answers each mutation, taking sequence numbers from {@code revisions} (the caller holds the counter's lock). */
	public static List<MutationResult> apply(EntityManager em, UserScope user, PushRequest request, LocalDate today, Revisions revisions) {
		Batch batch = new Batch(em, user.user(), new ScopeRules(user, DeviceScope.DEFAULT, Set.of(), today), revisions);
		// two queries for the whole batch: the push holds the counter lock, so every statement saved shortens the queue behind it
		Map<String, MutationLogEntry> log = new HashMap<>();
		List<String> mutationIds = request.mutations().stream().map(Mutation::mutationId).distinct().toList();
		List<String> recordIds = request.mutations().stream().map(Mutation::recordId).distinct().toList();
		if (!mutationIds.isEmpty()) {
			em.createQuery("SELECT m FROM MutationLogEntry m WHERE m.mutationId IN :ids", MutationLogEntry.class).setParameter("ids", mutationIds)
					.getResultList().forEach(entry -> log.put(entry.getMutationId(), entry));
			em.createQuery("SELECT r FROM StoredRecord r WHERE r.id IN :ids", StoredRecord.class).setParameter("ids", recordIds).getResultList()
					.forEach(record -> batch.touched.put(record.getId(), record));
		}
		List<MutationResult> results = new ArrayList<>();
		for (Mutation mutation : request.mutations()) {
			MutationResult earlier = batch.answered.get(mutation.mutationId());
			MutationLogEntry logged = log.get(mutation.mutationId());
			if (earlier != null) {
				results.add(earlier);
			} else if (logged != null) {
				results.add(logged.getUserName().equals(user.user()) ? JsonCodec.mutationResult(JsonCodec.parseObject(logged.getResult()))
						: MutationResult.rejected(mutation.mutationId(), "This mutation id was already used by another user"));
			} else {
				MutationResult result = batch.applyOne(mutation);
				em.persist(new MutationLogEntry(mutation.mutationId(), user.user(), mutation.recordId(), JsonCodec.toText(result),
						System.currentTimeMillis()));
				batch.answered.put(mutation.mutationId(), result);
				results.add(result);
			}
		}
		return results;
	}

	/** One push's state: its answers so far and its records, read up front or created (an id may come twice in a batch). */
	private static final class Batch {
		private final EntityManager em;
		private final String userName;
		private final ScopeRules rules;
		private final Revisions revisions;
		private final Map<String, MutationResult> answered = new HashMap<>();
		private final Map<String, StoredRecord> touched = new HashMap<>();

		Batch(EntityManager em, String userName, ScopeRules rules, Revisions revisions) {
			this.em = em;
			this.userName = userName;
			this.rules = rules;
			this.revisions = revisions;
		}

		MutationResult applyOne(Mutation mutation) {
			RecordType type = RecordTypes.find(mutation.type()).orElseThrow();
			// every record of the batch that exists was read up front; no other writer can add one while the counter is locked
			StoredRecord record = touched.get(mutation.recordId());
			if (record != null && !record.getType().equals(type.name())) {
				return MutationResult.rejected(mutation.mutationId(), "The record " + mutation.recordId() + " is a " + record.getType() + ", not a " + type.name());
			}
			boolean exists = record != null && !record.isTombstone();
			if (mutation.operation() == Operation.CREATE && record != null) {
				return MutationResult.rejected(mutation.mutationId(), "The record " + mutation.recordId() + " already exists");
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
				created.changed(revisions.next(), System.currentTimeMillis(), userName);
				em.persist(created);
				touched.put(created.getId(), created);
				return MutationResult.applied(mutation.mutationId(), created.getRev());
			}
			if (mutation.operation() == Operation.DELETE) {
				record.setTombstone(true);
				record.changed(revisions.next(), System.currentTimeMillis(), userName);
				return MutationResult.applied(mutation.mutationId(), record.getRev());
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
			if (!applying.isEmpty()) {
				if (!RecordEditor.apply(record, applying)) {
					return tooLarge(mutation);
				}
				record.changed(revisions.next(), System.currentTimeMillis(), userName);
			}
			return conflicts.isEmpty() ? MutationResult.applied(mutation.mutationId(), record.getRev())
					: MutationResult.conflict(mutation.mutationId(), record.getRev(), conflicts);
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
