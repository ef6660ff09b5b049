package org.outpost.server.internal.sync;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.JsonCodec;
import org.outpost.protocol.Messages.DeviceScope;
import org.outpost.protocol.ProtocolException;
import org.outpost.protocol.RecordTypes;
import org.outpost.protocol.RecordTypes.RecordType;
import org.outpost.server.internal.store.BlobChunk;
import org.outpost.server.internal.store.ServerStore;
import org.outpost.server.internal.store.StoredBlob;
import org.outpost.server.internal.store.StoredRecord;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.EntityManager;

/**
 * Who may fetch a blob, and its bytes. A user may fetch a complete blob when a live document
 * record with that SHA-256 is in the user's scope and so is the record it is attached to (when
 * the server has that record): the same {@link ScopeRules} the change feed applies, with the
 * user's whole scope rather than one device's narrower settings.
 */
public final class BlobReads {

	/** The user's whole scope: every date, all risks, all actions. */
	private static final DeviceScope WHOLE = new DeviceScope(36500, 36500, List.of(), List.of(), true, false);

	private BlobReads() {
	}

	/**
	 * The complete blob this user may read.
	 *
	 * @throws ProtocolException not_found when the server has no complete blob with this hash,
	 *         forbidden when no document in the user's scope refers to it
	 */
	public static StoredBlob readable(EntityManager em, UserScope user, String sha256, LocalDate today) {
		StoredBlob blob = em.find(StoredBlob.class, sha256);
		if (blob == null || !blob.isComplete()) {
			throw new ProtocolException(ErrorCode.NOT_FOUND, "The server has no complete blob " + sha256);
		}
		ScopeRules rules = new ScopeRules(user, WHOLE, Set.of(), today);
		RecordType documentType = RecordTypes.find("document").orElseThrow();
		for (StoredRecord document : BlobReferences.liveDocuments(em, sha256)) {
			if (rules.visible(documentType, document.getOrgUnit(), document.getLocation(), document.getDueDate(), document.getOwner(),
					document.getStatus())
					&& ownerVisible(em, rules, document)) {
				return blob;
			}
		}
		throw new ProtocolException(ErrorCode.FORBIDDEN, "No document in your scope refers to the blob " + sha256);
	}

	private static boolean ownerVisible(EntityManager em, ScopeRules rules, StoredRecord document) {
		JsonNode ownerId = JsonCodec.parseObject(document.getBody()).get("ownerId");
		StoredRecord owner = ownerId == null || !ownerId.isTextual() ? null : em.find(StoredRecord.class, ownerId.textValue());
		if (owner == null) {
			// attached to a record the server does not have (yet): the document's own scope decides
			return true;
		}
		RecordType type = RecordTypes.find(owner.getType()).orElse(null);
		return type != null && rules.visible(type, owner.getOrgUnit(), owner.getLocation(), owner.getDueDate(), owner.getOwner(), owner.getStatus());
	}

	/**
	 * Writes bytes {@code first..last} (inclusive) of a complete blob, one chunk row at a time, each
	 * read in its own short transaction so that a slow client holds no connection.
	 */
	public static void copy(ServerStore store, String sha256, long first, long last, OutputStream out) throws IOException {
		long next = first;
		while (next <= last) {
			long at = next;
			// the chunk's start first, from the index alone: selecting whole rows by "start <= at" would read every earlier chunk's bytes too
			BlobChunk piece = store.read(em -> {
				Long start = em.createQuery("SELECT MAX(c.start) FROM BlobChunk c WHERE c.sha256 = :sha AND c.start <= :at", Long.class)
						.setParameter("sha", sha256).setParameter("at", at).getSingleResult();
				return start == null ? null : em.find(BlobChunk.class, BlobChunk.idOf(sha256, start));
			});
			if (piece == null) {
				throw new IOException("The blob " + sha256 + " has no bytes at offset " + at);
			}
			int from = (int) (at - piece.getStart());
			int to = (int) Math.min(piece.getLength(), last - piece.getStart() + 1);
			out.write(piece.getData(), from, to - from);
			next = piece.getStart() + to;
		}
	}
}
