package org.outpost.server.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A document blob by its SHA-256: the size the uploader announced, how many bytes arrived in order
 * (its {@link BlobChunk} rows), and whether it is complete. Only a complete blob, whose bytes were
 * verified against its hash, is ever served.
 */
@Entity
@Table(name = "OP_BLOB")
public class StoredBlob {

	@Id
	@Column(name = "SHA256", length = 64)
	private String sha256;

	@Column(name = "SIZE_BYTES", nullable = false)
	private long size;

	@Column(name = "RECEIVED", nullable = false)
	private long received;

	@Column(name = "COMPLETE", nullable = false)
	private boolean complete;

	@Column(name = "STARTED_BY", length = 64)
	private String startedBy;

	@Column(name = "CHANGED_AT", nullable = false)
	private long changedAt;

	protected StoredBlob() {
	}

	public StoredBlob(String sha256, long size, String startedBy, long now) {
		this.sha256 = sha256;
		this.size = size;
		this.startedBy = startedBy;
		this.changedAt = now;
	}

	public String getSha256() {
		return sha256;
	}

	public long getSize() {
		return size;
	}

	public long getReceived() {
		return received;
	}

	public boolean isComplete() {
		return complete;
	}

	/** Counts a chunk that arrived in order. */
	public void received(long bytes, long now) {
		received += bytes;
		changedAt = now;
	}

	/** When a chunk last arrived (epoch milliseconds): a partial upload untouched for long is abandoned. */
	public long getChangedAt() {
		return changedAt;
	}

	public void completed() {
		complete = true;
	}
}
