package org.outpost.sync.engine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A record the server said left the device's scope while it had unsent edits: kept until the push
 * has settled them, then removed like the others.
 */
@Entity(name = "OutOfScopeRecord")
@Table(name = "OUTPOST_SYNC_OUT_OF_SCOPE")
public class OutOfScopeRecord {

	@Id
	@Column(name = "RECORD_ID", length = 36)
	private String recordId;

	@Column(name = "RECORD_TYPE", length = 100, nullable = false)
	private String recordType;

	/** For JPA. */
	protected OutOfScopeRecord() {
	}

	OutOfScopeRecord(String recordType, String recordId) {
		this.recordType = recordType;
		this.recordId = recordId;
	}

	String getRecordId() {
		return recordId;
	}

	String getRecordType() {
		return recordType;
	}
}
