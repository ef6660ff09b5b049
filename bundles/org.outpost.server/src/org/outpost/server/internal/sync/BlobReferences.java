package org.outpost.server.internal.sync;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.outpost.protocol.Messages.FieldChange;
import org.outpost.protocol.Protocol;
import org.outpost.protocol.RecordTypes.RecordType;
import org.outpost.server.internal.store.StoredBlob;
import org.outpost.server.internal.store.StoredRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.persistence.EntityManager;

/**
 * Which document records refer to which blob: a document's {@code sha256} field is copied into an
 * indexed column of its record whenever the record is written, so finding a blob's documents is a
 * lookup, not a search through bodies.
 */
public final class BlobReferences {

	private static final String DOCUMENT = "document";
	private static final String SHA256 = "sha256";
	/** How a push refusal for a missing blob starts: a stable prefix clients and operators can recognise. */
	public static final String MISSING_BLOB = "blob_missing";

	private BlobReferences() {
	}

	/** Keeps the record's blob column equal to its body's {@code sha256} field (documents only). */
	static void written(StoredRecord record, ObjectNode body) {
		if (DOCUMENT.equals(record.getType())) {
			JsonNode sha256 = body.get(SHA256);
			record.setBlobSha256(sha256 != null && sha256.isTextual() ? sha256.textValue() : null);
		}
	}

	/** The live document records that refer to the blob. */
	public static List<StoredRecord> liveDocuments(EntityManager em, String sha256) {
		return em.createQuery("SELECT r FROM StoredRecord r WHERE r.blobSha256 = :sha AND r.tombstone = FALSE", StoredRecord.class)
				.setParameter("sha", sha256).getResultList();
	}

	/**
	 * Why a pushed document may not be stored: it names a blob the server does not hold complete.
	 * Devices send a document's file before its record, so only a broken client meets this; storing
	 * the record would hand other devices a file nobody can fetch.
	 */
	public static Optional<String> pushRefusal(EntityManager em, RecordType type, Map<String, FieldChange> fields) {
		FieldChange change = fields.get(SHA256);
		if (!DOCUMENT.equals(type.name()) || change == null || change.value() == null || !change.value().isTextual()) {
			return Optional.empty();
		}
		String sha256 = change.value().textValue();
		StoredBlob blob = em.find(StoredBlob.class, sha256);
		if (blob != null && blob.isComplete()) {
			return Optional.empty();
		}
		return Optional.of(MISSING_BLOB + ": the server does not hold the complete file " + sha256
				+ " this document refers to; upload it (PUT " + Protocol.BLOBS + "/" + sha256 + ") before pushing the record");
	}
}
