package org.outpost.sync.engine;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.outpost.core.record.Syncable;
import org.outpost.core.record.SyncedRecord;
import org.outpost.persistence.LocalDatabase;
import org.outpost.protocol.Messages.ChangePage;
import org.outpost.protocol.Messages.WireRecord;
import org.outpost.sync.outbox.OutboxEntry;
import org.outpost.sync.outbox.Operation;

import jakarta.persistence.EntityManager;

/**
 * Applies one page of the change feed and its cursor in ONE local transaction (the checkpoint).
 * A pulled record with unsent local edits is merged field by field: the fields the user changed
 * keep the user's values until the push settles them. After a scope change (the server's reset)
 * the records the server no longer sends are removed, unless they carry unsent edits.
 */
final class PageApplier {

	private final RecordTypeIndex index;

	PageApplier(RecordTypeIndex index) {
		this.index = index;
	}

	void apply(LocalDatabase database, String category, ChangePage page) {
		database.write(em -> {
			SyncCursor cursor = em.find(SyncCursor.class, category);
			if (cursor == null) {
				cursor = new SyncCursor(category);
				em.persist(cursor);
			}
			if (page.reset()) {
				em.createQuery("DELETE FROM SweptRecord s WHERE s.category = :category").setParameter("category", category).executeUpdate();
				cursor.setSweeping(true);
			}
			for (WireRecord record : page.records()) {
				if (cursor.isSweeping() && em.find(SweptRecord.class, record.id()) == null) {
					em.persist(new SweptRecord(category, record.id()));
				}
				index.find(record.type()).ifPresentOrElse(type -> apply(em, type, record),
						() -> ILog.of(PageApplier.class).warn("Skipped a " + record.type() + " record: no installed module syncs that type"));
			}
			cursor.setCursor(page.nextCursor());
			if (!page.hasMore() && cursor.isSweeping()) {
				removeWhatLeftTheScope(em, category);
				cursor.setSweeping(false);
			}
			return null;
		});
	}

	private static void apply(EntityManager em, RecordTypeIndex.Entry type, WireRecord record) {
		SyncedRecord local = em.find(type.type(), record.id());
		List<OutboxEntry> pending = em
				.createQuery("SELECT e FROM OutboxEntry e WHERE e.recordType = :type AND e.recordId = :id ORDER BY e.sequence", OutboxEntry.class)
				.setParameter("type", record.type()).setParameter("id", record.id()).getResultList();
		if (record.tombstone()) {
			if (local != null && pending.isEmpty()) {
				em.remove(local);
			}
			return;
		}
		Map<String, Object> fields = WireTranslator.fieldsOf(record);
		if (local == null) {
			SyncedRecord created = type.newRecord();
			created.setId(record.id());
			((Syncable) created).applySyncedFields(fields);
			created.setRevision(record.rev());
			em.persist(created);
			return;
		}
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
}
