package org.outpost.server.internal.sync;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.outpost.protocol.ErrorCode;
import org.outpost.protocol.Messages.BlobStatus;
import org.outpost.protocol.ProtocolException;
import org.outpost.server.internal.store.BlobChunk;
import org.outpost.server.internal.store.StoredBlob;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Resumable blob uploads (docs/protocol.md, Blobs): chunks arrive in order, each where the last
 * ended; when the last byte arrives the server hashes the whole blob and keeps it only when the
 * hash is its address. A partial upload is never served.
 */
public final class BlobUploads {

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	/** What one chunk did: the blob's state after it, or that the completed blob did not match its address and was discarded. */
	public record Appended(BlobStatus status, boolean hashMismatch) {
	}

	private BlobUploads() {
	}

	/** @throws ProtocolException invalid_request when {@code text} is not a SHA-256 in lower-case hex */
	public static String address(String text) {
		if (!SHA256.matcher(text).matches()) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST, "A blob is addressed by its SHA-256 in 64 lower-case hex digits, not '" + text + "'");
		}
		return text;
	}

	public static BlobStatus status(EntityManager em, String sha256, long maxBytes) {
		StoredBlob blob = em.find(StoredBlob.class, sha256);
		return blob == null ? new BlobStatus(sha256, 0, 0, false, maxBytes) : status(blob, maxBytes);
	}

	private static BlobStatus status(StoredBlob blob, long maxBytes) {
		return new BlobStatus(blob.getSha256(), blob.getSize(), blob.getReceived(), blob.isComplete(), maxBytes);
	}

	/** Limits checked before the body is read. */
	public static void checkSize(long size, long maxBytes) {
		if (size < 0) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST, "The blob size must be 0 or more");
		}
		if (size > maxBytes) {
			throw new ProtocolException(ErrorCode.BLOB_TOO_LARGE,
					"This server takes blobs of at most " + maxBytes + " bytes; this one has " + size + " bytes");
		}
	}

	/**
	 * Adds one chunk. Run it in one write transaction: the blob row is locked, so two devices
	 * sending the same blob take turns, and one of them learns the other's offset.
	 */
	public static Appended append(EntityManager em, String sha256, long offset, long size, byte[] bytes, String user, long maxBytes, long now) {
		checkSize(size, maxBytes);
		StoredBlob blob = em.find(StoredBlob.class, sha256, LockModeType.PESSIMISTIC_WRITE);
		if (blob != null && blob.isComplete()) {
			// already here (another device sent it): nothing to add
			return new Appended(status(blob, maxBytes), false);
		}
		if (blob != null && blob.getSize() != size) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST,
					"This blob's upload was started with size " + blob.getSize() + ", not " + size + "; a blob's size follows from its content");
		}
		long held = blob == null ? 0 : blob.getReceived();
		if (offset != held) {
			throw new ProtocolException(ErrorCode.UPLOAD_OFFSET_MISMATCH,
					"The server holds " + held + " bytes of this blob; send the chunk that starts at offset " + held + ", not " + offset);
		}
		if (offset + bytes.length > size) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST,
					"The chunk ends at byte " + (offset + bytes.length) + ", past the blob's size " + size);
		}
		if (bytes.length == 0 && offset < size) {
			throw new ProtocolException(ErrorCode.INVALID_REQUEST, "An empty chunk adds nothing; send the bytes from offset " + offset);
		}
		if (blob == null) {
			blob = new StoredBlob(sha256, size, user, now);
			em.persist(blob);
		}
		if (bytes.length > 0) {
			em.persist(new BlobChunk(sha256, offset, bytes));
			blob.received(bytes.length, now);
		}
		if (blob.getReceived() < size) {
			return new Appended(status(blob, maxBytes), false);
		}
		em.flush();
		if (!sha256.equals(hashOf(em, sha256))) {
			em.createQuery("DELETE FROM BlobChunk c WHERE c.sha256 = :sha").setParameter("sha", sha256).executeUpdate();
			em.remove(blob);
			return new Appended(new BlobStatus(sha256, 0, 0, false, maxBytes), true);
		}
		blob.completed();
		return new Appended(status(blob, maxBytes), false);
	}

	/** The SHA-256 of the chunks stored so far, read one chunk at a time. */
	private static String hashOf(EntityManager em, String sha256) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("Every Java runtime has SHA-256", e);
		}
		for (long start : em.createQuery("SELECT c.start FROM BlobChunk c WHERE c.sha256 = :sha ORDER BY c.start", Long.class)
				.setParameter("sha", sha256).getResultList()) {
			digest.update(em.find(BlobChunk.class, BlobChunk.idOf(sha256, start)).getData());
		}
		return HexFormat.of().formatHex(digest.digest());
	}
}
