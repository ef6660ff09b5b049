package org.outpost.documents.internal;

import java.util.Optional;

import org.outpost.documents.Document;
import org.outpost.sync.outbox.DeletionRule;
import org.outpost.sync.outbox.RecordChanges;

/** A record's attachments go with it; their blobs are left to the orphan sweep. */
public final class AttachmentsDeletionRule implements DeletionRule {

	@Override
	public Optional<String> objection(RecordChanges changes, String recordType, String recordId) {
		return Optional.empty();
	}

	@Override
	public void cascade(RecordChanges changes, String recordType, String recordId) {
		changes.entityManager()
				.createQuery("SELECT d.id FROM Document d WHERE d.ownerType = :type AND d.ownerId = :id AND d.tombstone = FALSE", String.class)
				.setParameter("type", recordType).setParameter("id", recordId).getResultList()
				.forEach(id -> changes.delete(Document.class, id));
	}
}
