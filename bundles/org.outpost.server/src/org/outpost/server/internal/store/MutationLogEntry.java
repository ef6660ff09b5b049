package org.outpost.server.internal.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The first answer given to a mutation id; a replay gets it again instead of applying twice. */
@Entity
@Table(name = "OP_MUTATION")
public class MutationLogEntry {

	@Id
	@Column(name = "MUTATION_ID", length = 36)
	private String mutationId;

	@Column(name = "USER_NAME", length = 64, nullable = false)
	private String userName;

	@Column(name = "RECORD_ID", length = 36, nullable = false)
	private String recordId;

	/** The result as protocol JSON. */
	@Column(name = "RESULT", length = 1_000_000, nullable = false)
	private String result;

	@Column(name = "CREATED_AT", nullable = false)
	private long createdAt;

	protected MutationLogEntry() {
	}

	public MutationLogEntry(String mutationId, String userName, String recordId, String result, long createdAt) {
		this.mutationId = mutationId;
		this.userName = userName;
		this.recordId = recordId;
		this.result = result;
		this.createdAt = createdAt;
	}

	public String getMutationId() {
		return mutationId;
	}

	public String getUserName() {
		return userName;
	}

	public String getResult() {
		return result;
	}

	String getRecordId() {
		return recordId;
	}

	long getCreatedAt() {
		return createdAt;
	}
}
