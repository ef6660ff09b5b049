package org.outpost.sync.engine;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A field changed both here and on the server. The server kept its value and the record now shows
 * it; this keeps the value the user had entered until they choose: keep mine (sent again, on top
 * of the server's value) or keep theirs.
 */
@Entity(name = "SyncConflict")
@Table(name = "OUTPOST_SYNC_CONFLICT")
public class SyncConflict {

	@Id
	@Column(name = "ID", length = 36)
	private String id;

	@Column(name = "RECORD_TYPE", length = 40, nullable = false)
	private String recordType;

	@Column(name = "RECORD_ID", length = 36, nullable = false)
	private String recordId;

	@Column(name = "FIELD", length = 64, nullable = false)
	private String field;

	/** JSON of the user's value, of the server's and of the value both started from. */
	@Column(name = "MINE", length = 32000)
	private String mine;

	@Column(name = "THEIRS", length = 32000)
	private String theirs;

	@Column(name = "BASE", length = 32000)
	private String base;

	@Column(name = "DETECTED_AT", nullable = false)
	private long detectedAt;

	/** For JPA. */
	protected SyncConflict() {
	}

	SyncConflict(String recordType, String recordId, String field, String mine, String theirs, String base, Instant detectedAt) {
		this.id = UUID.randomUUID().toString();
		this.recordType = recordType;
		this.recordId = recordId;
		this.field = field;
		this.mine = mine;
		this.theirs = theirs;
		this.base = base;
		this.detectedAt = detectedAt.toEpochMilli();
	}

	public String getId() {
		return id;
	}

	public String getRecordType() {
		return recordType;
	}

	public String getRecordId() {
		return recordId;
	}

	public String getField() {
		return field;
	}

	/** The user's value as JSON. */
	public String getMine() {
		return mine;
	}

	/** The server's value as JSON. */
	public String getTheirs() {
		return theirs;
	}

	public String getBase() {
		return base;
	}

	public Instant getDetectedAt() {
		return Instant.ofEpochMilli(detectedAt);
	}
}
