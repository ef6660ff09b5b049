package org.outpost.sync.engine;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A local change the server refused (no permission, invalid), set aside with the reason so it
 * never blocks the rest of the queue and is never lost.
 */
@Entity(name = "RejectedChange")
@Table(name = "OUTPOST_SYNC_REJECTED")
public class RejectedChange {

	@Id
	@Column(name = "MUTATION_ID", length = 36)
	private String mutationId;

	@Column(name = "RECORD_TYPE", length = 40, nullable = false)
	private String recordType;

	@Column(name = "RECORD_ID", length = 36, nullable = false)
	private String recordId;

	@Column(name = "OPERATION", length = 10, nullable = false)
	private String operation;

	/** The change as sent: JSON of the fields with their new and base values. */
	@Column(name = "CHANGE_JSON", length = 64000)
	private String change;

	@Column(name = "REASON", length = 2000, nullable = false)
	private String reason;

	@Column(name = "REJECTED_AT", nullable = false)
	private long rejectedAt;

	/** For JPA. */
	protected RejectedChange() {
	}

	RejectedChange(String mutationId, String recordType, String recordId, String operation, String change, String reason, Instant at) {
		this.mutationId = mutationId;
		this.recordType = recordType;
		this.recordId = recordId;
		this.operation = operation;
		this.change = change;
		this.reason = reason;
		this.rejectedAt = at.toEpochMilli();
	}

	public String getMutationId() {
		return mutationId;
	}

	public String getRecordType() {
		return recordType;
	}

	public String getRecordId() {
		return recordId;
	}

	public String getOperation() {
		return operation;
	}

	public String getChange() {
		return change;
	}

	public String getReason() {
		return reason;
	}

	public Instant getRejectedAt() {
		return Instant.ofEpochMilli(rejectedAt);
	}
}
