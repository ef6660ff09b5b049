package org.outpost.core.record;

import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * Base of every record that syncs with the Outpost server (DESIGN.md §3).
 * <p>
 * The id is a UUID made where the record is born, so a device can create records offline. The
 * revision is the server's change sequence number at the record's last change (0: never synced).
 * A deleted record stays as a tombstone until the server has acknowledged the delete.
 */
@MappedSuperclass
public abstract class SyncedRecord {

	@Id
	@Column(name = "ID", length = 36, nullable = false, updatable = false)
	private String id;

	@Column(name = "REV", nullable = false)
	private long revision;

	@Column(name = "TOMBSTONE", nullable = false)
	private boolean tombstone;

	/** Guards concurrent local edits of the same record (optimistic locking, local only). */
	@Version
	@Column(name = "LOCAL_VERSION", nullable = false)
	private long localVersion;

	protected SyncedRecord() {
		this.id = UUID.randomUUID().toString();
	}

	public String getId() {
		return id;
	}

	/** Keeps the id a record was born with elsewhere, e.g. when the server sends it. */
	public void setId(String id) {
		this.id = UUID.fromString(Objects.requireNonNull(id, "id")).toString();
	}

	public long getRevision() {
		return revision;
	}

	public void setRevision(long revision) {
		if (revision < 0) {
			throw new IllegalArgumentException("A revision is never negative: " + revision);
		}
		this.revision = revision;
	}

	/** True when this record was never acknowledged by the server. */
	public boolean isNew() {
		return revision == 0;
	}

	public boolean isTombstone() {
		return tombstone;
	}

	public void setTombstone(boolean tombstone) {
		this.tombstone = tombstone;
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass() && ((SyncedRecord) other).id.equals(id);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + id + " rev " + revision + (tombstone ? " deleted" : "") + "]";
	}
}
