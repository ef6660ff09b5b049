package org.outpost.sync.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.outpost.core.record.Syncable;
import org.outpost.core.record.SyncedRecord;
import org.outpost.persistence.ChangedRows;
import org.outpost.persistence.LocalDatabase;
import org.outpost.persistence.NewRows;
import org.outpost.persistence.RowColumns;
import org.outpost.protocol.ChangePageStream.Page;
import org.outpost.protocol.ChangePageStream.StreamedRecord;
import org.outpost.protocol.Messages.LeftRecord;
import org.outpost.sync.outbox.OutboxEntry;
import org.outpost.sync.outbox.Operation;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

/**
 * Applies one page of the change feed and its cursor in ONE local transaction (the checkpoint).
 * A pulled record with unsent local edits is merged field by field: the fields the user changed
 * keep the user's values until the push settles them. A record an edit on the server moved out of
 * the device's scope ({@code left}) is removed, unless it carries unsent edits; so are, after a
 * scope change (the server's reset), the records the server no longer sends.
 * <p>
 * One applier serves one pull. When the category was never pulled and its tables are empty (an
 * initial sync), the applier remembers the ids it inserts, and a page asks the database which of
 * its ids exist only for those it remembers: every other id is new, as long as the outbox is empty
 * (a record created here while the pull runs has an entry there).
 */
final class PageApplier {

	private final RecordTypeIndex index;
	/** The types whose tables were empty when this pull began on a category never pulled before. */
	private final Set<Class<? extends SyncedRecord>> startedEmpty = new HashSet<>();
	private final PulledIds inserted = new PulledIds();

	PageApplier(RecordTypeIndex index) {
		this.index = index;
	}

	/** Applies the page; {@code rows}: its records as new rows, made ahead ({@link PageRows}). */
	void apply(LocalDatabase database, String category, Page<PulledFields> page, PageRows rows) {
		Written written = database.write(em -> {
			SyncCursor cursor = em.find(SyncCursor.class, category);
			if (cursor == null) {
				cursor = new SyncCursor(category);
				em.persist(cursor);
				startedEmpty.addAll(emptyTables(em, category));
			}
			if (page.reset()) {
				em.createQuery("DELETE FROM SweptRecord s WHERE s.category = :category").setParameter("category", category).executeUpdate();
				cursor.setSweeping(true);
			}
			// what the page needs from the database, read with one query each before anything changes: a query
			// after a change would make EclipseLink flush the page so far, once per record
			Set<String> current = new HashSet<>();
			Map<String, SyncedRecord> local = localRecords(em, page, !startedEmpty.isEmpty() && outboxIsEmpty(em), current);
			Map<String, List<OutboxEntry>> pending = pendingEntries(em, List.copyOf(local.keySet()));
			Set<String> swept = cursor.isSweeping() ? sweptAlready(em, page.records().stream().map(StreamedRecord::id).toList()) : Set.of();
			boolean keptOutOfScope = em.createQuery("SELECT COUNT(k) FROM OutOfScopeRecord k", Long.class).getSingleResult() > 0;
			NewRecords created = new NewRecords(em);
			HeldRows held = new HeldRows(em);
			for (StreamedRecord<PulledFields> record : page.records()) {
				if (cursor.isSweeping() && swept.add(record.id())) {
					em.persist(new SweptRecord(category, record.id()));
				}
				if (current.contains(record.id())) {
					continue;
				}
				index.find(record.type()).ifPresentOrElse(
						type -> apply(em, type, record, local.get(record.id()), pending.getOrDefault(record.id(), List.of()), created, held, rows),
						() -> ILog.of(PageApplier.class).warn("Skipped a " + record.type() + " record: no installed module syncs that type"));
			}
			List<String> inserted = created.write();
			Map<Class<? extends SyncedRecord>, List<String>> updated = held.write();
			List<String> live = page.records().stream().filter(record -> !record.tombstone()).map(StreamedRecord::id).toList();
			if (!live.isEmpty() && keptOutOfScope) {
				// back in scope: kept for good
				em.createQuery("DELETE FROM OutOfScopeRecord k WHERE k.recordId IN :ids").setParameter("ids", live).executeUpdate();
			}
			for (LeftRecord gone : page.left()) {
				index.find(gone.type()).ifPresent(type -> leave(em, type, gone));
			}
			cursor.setCursor(page.nextCursor());
			if (!page.hasMore() && cursor.isSweeping()) {
				removeWhatLeftTheScope(em, category);
				cursor.setSweeping(false);
			}
			return new Written(inserted, updated);
		});
		// only once committed: a page rolled back inserted nothing, and a reader meanwhile could have cached the old rows again
		written.inserted().forEach(inserted::add);
		if (!written.updated().isEmpty()) {
			database.read(em -> {
				written.updated().forEach((type, ids) -> ChangedRows.uncache(em, type, ids));
				return null;
			});
		}
	}

	/** What a page wrote besides the persistence context: the ids of the rows inserted, and of those updated by type. */
	private record Written(List<String> inserted, Map<Class<? extends SyncedRecord>, List<String>> updated) {
	}

	/** The category's types written as plain rows whose tables hold no row. */
	private List<Class<? extends SyncedRecord>> emptyTables(EntityManager em, String category) {
		List<Class<? extends SyncedRecord>> empty = new ArrayList<>();
		for (String wireType : index.wireTypesOfCategory(category)) {
			Class<? extends SyncedRecord> type = index.find(wireType).orElseThrow().type();
			if (NewRows.insertable(em, type) && em.createQuery("SELECT r.id FROM " + em.getMetamodel().entity(type).getName() + " r", String.class)
					.setMaxResults(1).getResultList().isEmpty()) {
				empty.add(type);
			}
		}
		return empty;
	}

	private static boolean outboxIsEmpty(EntityManager em) {
		return em.createQuery("SELECT e.mutationId FROM OutboxEntry e", String.class).setMaxResults(1).getResultList().isEmpty();
	}

	/** The unsent edits of the page's records this device holds (a record it does not hold has none). */
	private static Map<String, List<OutboxEntry>> pendingEntries(EntityManager em, List<String> ids) {
		Map<String, List<OutboxEntry>> pending = new HashMap<>();
		if (!ids.isEmpty()) {
			for (OutboxEntry entry : em.createQuery("SELECT e FROM OutboxEntry e WHERE e.recordId IN :ids ORDER BY e.sequence", OutboxEntry.class)
					.setParameter("ids", ids).getResultList()) {
				pending.computeIfAbsent(entry.getRecordId(), id -> new ArrayList<>()).add(entry);
			}
		}
		return pending;
	}

	/**
	 * The page's records this device holds at an older revision than the page's. For types written
	 * as plain rows the ids are looked up first with one prepared query: during an initial sync none
	 * are held. With {@code onlyInserted}, a type whose table this pull found empty can hold only what
	 * this pull inserted, so only those ids are looked up. Those held at the page's revision already
	 * (this device's own changes coming back after its push gave them their revision) go into
	 * {@code current}, and only the others are read as entities.
	 */
	private Map<String, SyncedRecord> localRecords(EntityManager em, Page<PulledFields> page, boolean onlyInserted, Set<String> current) {
		Map<String, List<String>> idsByType = new LinkedHashMap<>();
		Map<String, Long> revisions = new HashMap<>();
		for (StreamedRecord<PulledFields> record : page.records()) {
			idsByType.computeIfAbsent(record.type(), type -> new ArrayList<>()).add(record.id());
			revisions.put(record.id(), record.rev());
		}
		Map<String, SyncedRecord> local = new HashMap<>();
		idsByType.forEach((wireType, ids) -> index.find(wireType).ifPresent(type -> {
			List<String> candidates = onlyInserted && startedEmpty.contains(type.type()) ? ids.stream().filter(inserted::mayContain).toList() : ids;
			List<String> held = NewRows.insertable(em, type.type()) ? List.copyOf(NewRows.existingIds(em, type.type(), candidates)) : ids;
			if (held.isEmpty()) {
				return;
			}
			String entity = em.getMetamodel().entity(type.type()).getName();
			List<String> older = new ArrayList<>();
			for (Object[] row : em.createQuery("SELECT r.id, r.revision FROM " + entity + " r WHERE r.id IN :ids", Object[].class)
					.setParameter("ids", held).getResultList()) {
				String id = (String) row[0];
				if (revisions.get(id) == ((Number) row[1]).longValue()) {
					current.add(id);
				} else {
					older.add(id);
				}
			}
			if (older.isEmpty()) {
				return;
			}
			TypedQuery<? extends SyncedRecord> query = em.createQuery("SELECT r FROM " + entity + " r WHERE r.id IN :ids", type.type())
					.setParameter("ids", older);
			if (NewRows.insertable(em, type.type())) {
				// copied before they change (HeldRows): the shared cache's instances, no working copies
				query.setHint(SyncEngine.READ_ONLY, "true");
			}
			for (SyncedRecord record : query.getResultList()) {
				local.put(record.getId(), record);
			}
		}));
		return local;
	}

	private static Set<String> sweptAlready(EntityManager em, List<String> ids) {
		if (ids.isEmpty()) {
			return new HashSet<>();
		}
		return new HashSet<>(em.createQuery("SELECT s.recordId FROM SweptRecord s WHERE s.recordId IN :ids", String.class).setParameter("ids", ids)
				.getResultList());
	}

	private static void apply(EntityManager em, RecordTypeIndex.Entry type, StreamedRecord<PulledFields> record, SyncedRecord held,
			List<OutboxEntry> entries, NewRecords created, HeldRows heldRows, PageRows rows) {
		List<OutboxEntry> pending = entries.stream().filter(e -> e.getRecordType().equals(record.type())).toList();
		SyncedRecord local = held;
		if (held != null && heldRows.plain(type)) {
			if (pending.isEmpty() && !record.tombstone()) {
				heldRows.add(type, held, record);
				return;
			}
			// removed or merged field by field: through the persistence context
			local = em.find(type.type(), record.id());
		}
		if (record.tombstone()) {
			if (local != null && pending.isEmpty()) {
				em.remove(local);
			}
			return;
		}
		if (local == null) {
			created.add(type, record, rows.take(record));
			return;
		}
		Map<String, Object> fields = record.body().toMap(record.dueDate());
		if (pending.stream().anyMatch(e -> e.getOperation() == Operation.DELETE)) {
			// the user deleted it here: the delete goes up with the next push, and the server decides
			return;
		}
		for (OutboxEntry entry : pending) {
			fields.keySet().removeAll(entry.changes().keySet());
		}
		((Syncable) local).applySyncedFields(fields);
		local.setRevision(record.rev());
	}

	/** Removes a record that left the scope; one with unsent edits stays until the next push has sent them ({@link #removeSettled}). */
	private static void leave(EntityManager em, RecordTypeIndex.Entry type, LeftRecord gone) {
		SyncedRecord local = em.find(type.type(), gone.id());
		if (local == null) {
			return;
		}
		if (pending(em, gone.type(), gone.id()).isEmpty()) {
			em.remove(local);
		} else if (em.find(OutOfScopeRecord.class, gone.id()) == null) {
			em.persist(new OutOfScopeRecord(gone.type(), gone.id()));
		}
	}

	/** After a push: removes the records kept out of scope for their unsent edits, now that those are sent. */
	void removeSettled(LocalDatabase database, List<String> wireTypes) {
		if (wireTypes.isEmpty()) {
			return;
		}
		database.write(em -> {
			for (OutOfScopeRecord kept : em.createQuery("SELECT k FROM OutOfScopeRecord k WHERE k.recordType IN :types", OutOfScopeRecord.class)
					.setParameter("types", wireTypes).getResultList()) {
				if (pending(em, kept.getRecordType(), kept.getRecordId()).isEmpty()) {
					index.find(kept.getRecordType()).map(type -> em.find(type.type(), kept.getRecordId())).ifPresent(em::remove);
					em.remove(kept);
				}
			}
			return null;
		});
	}

	private static List<OutboxEntry> pending(EntityManager em, String wireType, String id) {
		return em.createQuery("SELECT e FROM OutboxEntry e WHERE e.recordType = :type AND e.recordId = :id ORDER BY e.sequence", OutboxEntry.class)
				.setParameter("type", wireType).setParameter("id", id).getResultList();
	}

	/** After a scope sweep: every record of the category the server did not send again has left the scope. */
	private void removeWhatLeftTheScope(EntityManager em, String category) {
		for (String wireType : index.wireTypesOfCategory(category)) {
			RecordTypeIndex.Entry type = index.find(wireType).orElseThrow();
			String entity = em.getMetamodel().entity(type.type()).getName();
			em.createQuery("DELETE FROM " + entity + " r WHERE r.id NOT IN (SELECT s.recordId FROM SweptRecord s WHERE s.category = :category)"
					+ " AND r.id NOT IN (SELECT e.recordId FROM OutboxEntry e WHERE e.recordType = :type)").setParameter("category", category)
					.setParameter("type", wireType).executeUpdate();
		}
		em.createQuery("DELETE FROM SweptRecord s WHERE s.category = :category").setParameter("category", category).executeUpdate();
	}

	/**
	 * The page's records this device holds without unsent edits, of types made of plain columns:
	 * each is copied from the shared cache's instance, takes what the server sent through its
	 * module's {@link Syncable#applySyncedFields}, and goes back as one JDBC batch per type
	 * ({@link ChangedRows}), instead of a working copy per record compared field by field at commit.
	 */
	private static final class HeldRows {

		private final EntityManager em;
		private final Map<Class<? extends SyncedRecord>, RowColumns> columns = new HashMap<>();
		private final Map<Class<? extends SyncedRecord>, List<SyncedRecord>> copies = new LinkedHashMap<>();

		HeldRows(EntityManager em) {
			this.em = em;
		}

		/** Whether records of the type go this way (localRecords read them as the shared cache's instances). */
		boolean plain(RecordTypeIndex.Entry type) {
			return columns.containsKey(type.type()) || NewRows.insertable(em, type.type());
		}

		void add(RecordTypeIndex.Entry type, SyncedRecord shared, StreamedRecord<PulledFields> record) {
			RowColumns of = columns.computeIfAbsent(type.type(), t -> RowColumns.of(em, t));
			SyncedRecord copy = type.newRecord();
			for (int c = 0; c < of.size(); c++) {
				of.set(c, copy, of.get(c, shared));
			}
			((Syncable) copy).applySyncedFields(record.body().toMap(record.dueDate()));
			copy.setRevision(record.rev());
			copies.computeIfAbsent(type.type(), t -> new ArrayList<>()).add(copy);
		}

		/** Writes the copies; their ids by type. */
		Map<Class<? extends SyncedRecord>, List<String>> write() {
			Map<Class<? extends SyncedRecord>, List<String>> written = new LinkedHashMap<>();
			copies.forEach((type, records) -> {
				ChangedRows.update(em, columns.get(type), records);
				written.put(type, records.stream().map(SyncedRecord::getId).toList());
			});
			return written;
		}
	}

	/**
	 * The page's records new to this device: those of types made of plain columns go in as JDBC
	 * batches per type (no change tracking, nothing to merge into the shared cache), from the rows
	 * made ahead or, for a record without one, from its entity; the others through the persistence
	 * context; all in the page's transaction.
	 */
	private static final class NewRecords {

		private final EntityManager em;
		private final Map<Class<? extends SyncedRecord>, List<Object[]>> rows = new LinkedHashMap<>();
		private final Map<Class<? extends SyncedRecord>, List<String>> ids = new HashMap<>();
		private final Map<Class<? extends SyncedRecord>, RowColumns> columns = new HashMap<>();
		private final Map<Class<? extends SyncedRecord>, Boolean> insertable = new HashMap<>();

		NewRecords(EntityManager em) {
			this.em = em;
		}

		/** Adds a record; {@code row}: its row made ahead, or null to build it as an entity. */
		void add(RecordTypeIndex.Entry type, StreamedRecord<PulledFields> record, Object[] row) {
			Class<? extends SyncedRecord> entity = type.type();
			if (!insertable.computeIfAbsent(entity, t -> NewRows.insertable(em, t))) {
				em.persist(built(type, record));
				return;
			}
			RowColumns of = columns.computeIfAbsent(entity, t -> RowColumns.of(em, t));
			rows.computeIfAbsent(entity, t -> new ArrayList<>()).add(row != null ? row : of.columnValues(built(type, record)));
			ids.computeIfAbsent(entity, t -> new ArrayList<>()).add(record.id());
		}

		/** Writes the rows; their ids. */
		List<String> write() {
			List<String> written = new ArrayList<>();
			rows.forEach((type, values) -> {
				NewRows.insertRows(em, columns.get(type), values);
				written.addAll(ids.get(type));
			});
			return written;
		}

		/** A new entity of the record's type holding what the server sent. */
		private static SyncedRecord built(RecordTypeIndex.Entry type, StreamedRecord<PulledFields> record) {
			SyncedRecord fresh = type.newRecord();
			fresh.setId(record.id());
			((Syncable) fresh).applySyncedFields(record.body().toMap(record.dueDate()));
			fresh.setRevision(record.rev());
			return fresh;
		}
	}
}
