package org.outpost.sync.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One local change waiting for the server's acknowledgement: the record it changed, the
 * operation, the changed fields with the values the edit started from, and the client mutation
 * id that makes a replayed push harmless. Written by {@link RecordChanges} (and put back by an undone
 * discard, {@link #restore}); read through {@link Outbox}.
 */
@Entity(name = "OutboxEntry")
@Table(name = "OUTPOST_OUTBOX", indexes = @Index(name = "OUTPOST_OUTBOX_RECORD", columnList = "RECORD_TYPE,RECORD_ID"))
public class OutboxEntry {

	/** Queue order: entries are pushed in the order they were first written. */
	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	@Column(name = "SEQ")
	private long sequence;

	@Column(name = "MUTATION_ID", length = 36, nullable = false, unique = true)
	private String mutationId;

	@Column(name = "RECORD_TYPE", length = 40, nullable = false)
	private String recordType;

	@Column(name = "RECORD_ID", length = 36, nullable = false)
	private String recordId;

	@Enumerated(EnumType.STRING)
	@Column(name = "OPERATION", length = 10, nullable = false)
	private Operation operation;

	/** JSON: changed field -> new value. */
	@Lob
	@Column(name = "CHANGES", nullable = false)
	private String changes;

	/** JSON: changed field -> the value the change started from (empty for a create). */
	@Lob
	@Column(name = "BASE", nullable = false)
	private String base;

	@Column(name = "CREATED_AT", nullable = false)
	private long createdAt;

	@Column(name = "UPDATED_AT", nullable = false)
	private long updatedAt;

	/** Push attempts so far; an entry with attempts may have reached the server and no longer coalesces. */
	@Column(name = "ATTEMPTS", nullable = false)
	private int attempts;

	@Column(name = "LAST_ERROR", length = 2000)
	private String lastError;

	/** For JPA. */
	protected OutboxEntry() {
	}

	OutboxEntry(String recordType, String recordId, Operation operation, Map<String, Object> changes, Map<String, Object> base, Instant now) {
		this.mutationId = UUID.randomUUID().toString();
		this.recordType = recordType;
		this.recordId = recordId;
		this.createdAt = now.toEpochMilli();
		update(operation, changes, base, now);
	}

	final void update(Operation newOperation, Map<String, Object> newChanges, Map<String, Object> newBase, Instant now) {
		this.operation = newOperation;
		this.changes = FieldJson.write(newChanges);
		this.base = FieldJson.write(newBase);
		this.updatedAt = now.toEpochMilli();
	}

	/**
	 * Stores this entry again, in the caller's transaction, after its discard is undone: the same
	 * mutation id, changes, age, attempts and last error, at its old place in the queue (its sequence
	 * number, which no other entry took since).
	 */
	public void restore(EntityManager em) {
		em.createNativeQuery("INSERT INTO OUTPOST_OUTBOX (SEQ, MUTATION_ID, RECORD_TYPE, RECORD_ID, OPERATION, CHANGES, BASE, CREATED_AT,"
				+ " UPDATED_AT, ATTEMPTS, LAST_ERROR) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)").setParameter(1, sequence)
				.setParameter(2, mutationId).setParameter(3, recordType).setParameter(4, recordId).setParameter(5, operation.name())
				.setParameter(6, changes).setParameter(7, base).setParameter(8, createdAt).setParameter(9, updatedAt).setParameter(10, attempts)
				.setParameter(11, lastError).executeUpdate();
	}

	void failedAttempt(String error) {
		attempts++;
		lastError = error == null ? null : error.length() > 2000 ? error.substring(0, 2000) : error;
	}

	public long getSequence() {
		return sequence;
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

	public Operation getOperation() {
		return operation;
	}

	/** Changed field -> new value, in plain wire form. */
	public Map<String, Object> changes() {
		return FieldJson.read(changes);
	}

	/** Changed field -> the value the change started from, in plain wire form. */
	public Map<String, Object> base() {
		return FieldJson.read(base);
	}

	public Instant getCreatedAt() {
		return Instant.ofEpochMilli(createdAt);
	}

	public Instant getUpdatedAt() {
		return Instant.ofEpochMilli(updatedAt);
	}

	public int getAttempts() {
		return attempts;
	}

	/** Why the last push of this entry failed, or null. */
	public String getLastError() {
		return lastError;
	}

	/** True while no push has carried this entry, so later edits of the record still fold into it. */
	public boolean isUnsent() {
		return attempts == 0;
	}

	@Override
	public String toString() {
		return "OutboxEntry[" + operation + " " + recordType + " " + recordId + " " + changes + "]";
	}
}
