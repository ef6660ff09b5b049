package org.outpost.server.internal.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.RecordTypes;
import org.outpost.protocol.RecordTypes.RecordType;
import org.outpost.server.internal.store.RecordRows;
import org.outpost.server.internal.store.ScopeColumns;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.store.StoredRecord;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * Files a document under the scope of the record it is attached to (its {@code ownerId}): the
 * document takes that record's org unit, location, due date and owner, and its status column
 * holds the record's type and status ({@code event:SCHEDULED}), so {@link ScopeRules} filter the
 * document as they filter the record, in the feed and for blob downloads. When the record moves,
 * its documents move with it (new revisions, so devices hear that they left). A document whose
 * record the server does not hold (yet) keeps the columns it was sent with.
 */
public final class AttachmentScope {

	static final String DOCUMENT = "document";
	static final String OWNER_ID = "ownerId";
	private static final char TYPE_END = ':';
	private static final int MAX_STATUS = 32;

	private AttachmentScope() {
	}

	/** Files a document (other records are left alone) under its record's scope, found among {@code batch} or stored. */
	static void file(EntityManager em, StoredRecord document, Map<String, StoredRecord> batch) {
		if (!DOCUMENT.equals(document.getType())) {
			return;
		}
		document.setAttachedTo(ownerId(JsonCodec.parseObject(document.getBody()).get(OWNER_ID)).orElse(null));
		if (document.getAttachedTo() == null) {
			return;
		}
		StoredRecord owner = batch.containsKey(document.getAttachedTo()) ? batch.get(document.getAttachedTo())
				: em.find(StoredRecord.class, document.getAttachedTo());
		if (owner != null && !DOCUMENT.equals(owner.getType())) {
			copy(owner, document);
		}
	}

	/**
	 * What a write of these records locks ({@link ServerStore#lockRecords}): the records, the live
	 * documents attached to them, and the records that documents of this write are being attached
	 * to ({@code owners}, from their {@code ownerId} fields). Refiling a document then waits for a
	 * concurrent edit of it and that edit for the refiling, as for the records themselves (a web
	 * edit of a document, filed under its old record's columns meanwhile, lost the move); and a
	 * document being attached reads its record's columns only once a move of that record has
	 * committed, which that move's refiling could not see (the document was not committed yet).
	 */
	static Set<String> withAttachedDocuments(EntityManager em, Collection<String> ids, Collection<String> owners) {
		Set<String> locking = new HashSet<>(ids);
		locking.addAll(RecordRows.attachedTo(em, ids));
		locking.addAll(owners);
		return locking;
	}

	/** The record a write of a record of this type attaches it to: a document's {@code ownerId} value, when it names one. */
	static Optional<String> attachingTo(String type, JsonNode ownerIdValue) {
		return DOCUMENT.equals(type) ? ownerId(ownerIdValue) : Optional.empty();
	}

	private static Optional<String> ownerId(JsonNode value) {
		return value != null && value.isTextual() && value.textValue().length() <= 36 ? Optional.of(value.textValue()) : Optional.empty();
	}

	/**
	 * Files again the live documents attached to {@code owners} (records whose scope columns a write
	 * just changed or that were just created), except those in {@code skip}. Each must be among
	 * {@code locked} ({@link #withAttachedDocuments}); one attached since those were read fails the
	 * write, which is tried again ({@link ServerStore#writeRetrying}) and then locks it too.
	 *
	 * @return the documents whose columns changed, with their columns before: each needs a revision and a move
	 */
	static Map<StoredRecord, ScopeColumns> refileAttached(EntityManager em, Collection<StoredRecord> owners, Collection<String> skip,
			Set<String> locked) {
		Map<String, StoredRecord> byId = new LinkedHashMap<>();
		owners.stream().filter(owner -> !DOCUMENT.equals(owner.getType())).forEach(owner -> byId.put(owner.getId(), owner));
		Map<StoredRecord, ScopeColumns> moved = new LinkedHashMap<>();
		if (byId.isEmpty()) {
			return moved;
		}
		List<StoredRecord> documents = new ArrayList<>();
		for (List<String> slice : ServerStore.slices(List.copyOf(byId.keySet()))) {
			documents.addAll(em.createQuery("SELECT r FROM StoredRecord r WHERE r.attachedTo IN :ids AND r.tombstone = FALSE", StoredRecord.class)
					.setParameter("ids", slice).getResultList());
		}
		for (StoredRecord document : documents) {
			if (skip.contains(document.getId())) {
				continue;
			}
			if (!locked.contains(document.getId())) {
				throw new PersistenceException("The document " + document.getId() + " was attached to the record " + document.getAttachedTo()
						+ " while it was being changed");
			}
			ScopeColumns before = ScopeColumns.of(document);
			copy(byId.get(document.getAttachedTo()), document);
			if (!before.equals(ScopeColumns.of(document))) {
				moved.put(document, before);
			}
		}
		return moved;
	}

	/** Files the documents stored before documents were filed under their records; returns how many it filed. */
	public static int fileStoredDocuments(EntityManager em) {
		List<StoredRecord> unfiled = em.createQuery("SELECT r FROM StoredRecord r WHERE r.type = :type AND r.attachedTo IS NULL",
				StoredRecord.class).setParameter("type", DOCUMENT).getResultList();
		int filed = 0;
		for (StoredRecord document : unfiled) {
			file(em, document, Map.of());
			filed += document.getAttachedTo() == null ? 0 : 1;
		}
		return filed;
	}

	private static void copy(StoredRecord owner, StoredRecord document) {
		document.setOrgUnit(owner.getOrgUnit());
		document.setLocation(owner.getLocation());
		document.setDueDate(owner.getDueDate());
		document.setOwner(owner.getOwner());
		String status = owner.getType() + TYPE_END + (owner.getStatus() == null ? "" : owner.getStatus());
		document.setStatus(status.length() <= MAX_STATUS ? status : owner.getType() + TYPE_END);
	}

	/** The type of the record a document is filed under, from its status column; empty for a document filed under none. */
	static Optional<RecordType> ownerType(String documentStatus) {
		int end = documentStatus == null ? -1 : documentStatus.indexOf(TYPE_END);
		return end < 0 ? Optional.empty() : RecordTypes.find(documentStatus.substring(0, end)).filter(type -> !DOCUMENT.equals(type.name()));
	}

	/** The status of the record a document is filed under (null when it has none). */
	static String ownerStatus(String documentStatus) {
		String status = documentStatus.substring(documentStatus.indexOf(TYPE_END) + 1);
		return status.isEmpty() ? null : status;
	}
}
