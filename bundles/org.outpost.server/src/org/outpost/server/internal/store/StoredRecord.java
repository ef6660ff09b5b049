package org.outpost.server.internal.store;

import java.time.LocalDate;

import org.outpost.protocol.Protocol;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A record in the system of record: identity, the change sequence number of its last change,
 * tombstone, the scope columns the server filters on, and every other field as a JSON object.
 * {@code STATUS} is a copy of the body's {@code status} field, so the feed can filter on it (closed
 * actions) without parsing bodies.
 */
@Entity
@Table(name = "OP_RECORD", indexes = { @Index(name = "OP_RECORD_TYPE_REV", columnList = "RTYPE,REV"), @Index(name = "OP_RECORD_REV", columnList = "REV"),
		@Index(name = "OP_RECORD_BLOB", columnList = "BLOB_SHA256"), @Index(name = "OP_RECORD_ATTACHED", columnList = "ATTACHED_TO"),
		// the change feed of a scope of few org units reads each by this one (ChangeFeed)
		@Index(name = "OP_RECORD_TYPE_UNIT_REV", columnList = "RTYPE,ORG_UNIT,REV"),
		// a category's first pull reads each type's records by id (InitialSnapshot)
		@Index(name = "OP_RECORD_TYPE_ID", columnList = "RTYPE,ID") })
public class StoredRecord {

	/** Longest JSON body a record may have, in characters (the protocol's limit). */
	public static final int MAX_BODY = Protocol.MAX_RECORD_BODY_CHARS;

	@Id
	@Column(name = "ID", length = 36)
	private String id;

	@Column(name = "RTYPE", length = 32, nullable = false)
	private String type;

	@Column(name = "REV", nullable = false)
	private long rev;

	@Column(name = "TOMBSTONE", nullable = false)
	private boolean tombstone;

	@Column(name = "ORG_UNIT", length = 36)
	private String orgUnit;

	@Column(name = "LOCATION", length = 36)
	private String location;

	@Column(name = "DUE_DATE")
	private LocalDate dueDate;

	@Column(name = "OWNER", length = 64)
	private String owner;

	@Column(name = "STATUS", length = 32)
	private String status;

	@Column(name = "BODY", length = MAX_BODY, nullable = false)
	private String body;

	/** The blob a document record refers to (its {@code sha256} field), kept apart from the body so it can be looked up by index. */
	@Column(name = "BLOB_SHA256", length = 64)
	private String blobSha256;

	/** The record a document is attached to (its {@code ownerId} field), indexed: its scope columns follow that record's. */
	@Column(name = "ATTACHED_TO", length = 36)
	private String attachedTo;

	@Column(name = "CHANGED_AT", nullable = false)
	private long changedAt;

	@Column(name = "CHANGED_BY", length = 64)
	private String changedBy;

	protected StoredRecord() {
	}

	public StoredRecord(String type, String id) {
		this.type = type;
		this.id = id;
		this.body = "{}";
	}

	/** A record as read from its row by {@link RecordRows}, outside EclipseLink. */
	StoredRecord(String id, String type, long rev, boolean tombstone, ScopeColumns scope, String body, String blobSha256, String attachedTo,
			long changedAt, String changedBy) {
		this.id = id;
		this.type = type;
		this.rev = rev;
		this.tombstone = tombstone;
		this.orgUnit = scope.orgUnit();
		this.location = scope.location();
		this.dueDate = scope.dueDate();
		this.owner = scope.owner();
		this.status = scope.status();
		this.body = body;
		this.blobSha256 = blobSha256;
		this.attachedTo = attachedTo;
		this.changedAt = changedAt;
		this.changedBy = changedBy;
	}

	public String getId() {
		return id;
	}

	public String getType() {
		return type;
	}

	public long getRev() {
		return rev;
	}

	public boolean isTombstone() {
		return tombstone;
	}

	public void setTombstone(boolean tombstone) {
		this.tombstone = tombstone;
	}

	public String getOrgUnit() {
		return orgUnit;
	}

	public void setOrgUnit(String orgUnit) {
		this.orgUnit = orgUnit;
	}

	public String getLocation() {
		return location;
	}

	public void setLocation(String location) {
		this.location = location;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public void setDueDate(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	public String getOwner() {
		return owner;
	}

	public void setOwner(String owner) {
		this.owner = owner;
	}

	public String getStatus() {
		return status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

	public String getBody() {
		return body;
	}

	public String getBlobSha256() {
		return blobSha256;
	}

	public void setBlobSha256(String blobSha256) {
		this.blobSha256 = blobSha256;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public String getAttachedTo() {
		return attachedTo;
	}

	public void setAttachedTo(String attachedTo) {
		this.attachedTo = attachedTo;
	}

	long getChangedAt() {
		return changedAt;
	}

	String getChangedBy() {
		return changedBy;
	}

	/** Stamps a change: the new sequence number, when, and who (a user name, or "admin" for the command line). */
	public void changed(long newRev, long at, String by) {
		this.rev = newRev;
		this.changedAt = at;
		this.changedBy = by;
	}
}
