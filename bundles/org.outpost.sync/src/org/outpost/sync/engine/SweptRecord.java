package org.outpost.sync.engine;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A record the server sent during a scope sweep: still in scope. Cleared when the sweep ends. */
@Entity(name = "SweptRecord")
@Table(name = "OUTPOST_SYNC_SWEPT")
public class SweptRecord {

	@Id
	@Column(name = "RECORD_ID", length = 36)
	private String recordId;

	@Column(name = "CATEGORY", length = 100, nullable = false)
	private String category;

	/** For JPA. */
	protected SweptRecord() {
	}

	SweptRecord(String category, String recordId) {
		this.category = category;
		this.recordId = recordId;
	}
}
